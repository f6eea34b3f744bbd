using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Rules;

/// <summary>CIOL009 (folded blocks), CIOL010 (literal blocks) and CIOL011 (and-lists).</summary>
public sealed class ScriptBlockRulesTests
{
    private static List<string> Ids(string yaml) => Fixing.Analyze((".gitlab-ci.yml", yaml)).Select(f => f.Id).ToList();

    private static List<string> Findings(string yaml, string id)
        => Fixing.Analyze((".gitlab-ci.yml", yaml)).Where(f => f.Id == id).Select(f => $"{f.Location.LineSpan.Start.Line + 1}:{f.Location.LineSpan.Start.Character + 1} {f.Message}").ToList();

    [Fact]
    public void Job_inputs_and_input_interpolations_are_opaque_words_that_draw_no_finding()
    {
        var findings = Fixing.Analyze((".gitlab-ci.yml", """
            deploy:
              inputs:
                target:
                  default: staging
                  options: [staging, production]
              script:
                - ./deploy.sh ${{ job.inputs.target }} "$[[ inputs.region ]]"
                - export TARGET=${{ job.inputs.target }}
                - |
                  if [ "${{ job.inputs.target }}" = production ]; then
                    ./promote.sh --region $[[ inputs.region | expand_vars ]]
                  fi
                - >
                  ./notify.sh
                  ${{ job.inputs.target }}
              rules:
                - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
            """));
        Assert.Empty(findings.Select(f => f.Id + " " + f.Message));
    }

    [Fact]
    public void CIOL009_flags_each_run_of_more_indented_lines_in_a_folded_block_once()
    {
        const string yaml = "job:\n  script:\n    - >\n      curl -X POST\n        --data @payload.json\n        --header 'Content-Type: application/json'\n      https://api.example.org/hook\n";
        var finding = Assert.Single(Findings(yaml, "CIOL009"));
        Assert.StartsWith("5:9 ", finding, StringComparison.Ordinal);
        Assert.Contains("runs '--data' as a command of its own (in job 'job')", finding, StringComparison.Ordinal);
        Assert.Equal(
            "job:\n  script:\n    - >\n      curl -X POST\n      --data @payload.json\n      --header 'Content-Type: application/json'\n      https://api.example.org/hook\n",
            Fixing.Apply(yaml, "CIOL009", "Indent the continued lines like the first line"));
    }

    [Theory]
    [InlineData("    - >\n      if true; then\n        echo yes\n      fi\n")]
    [InlineData("    - >-\n      for f in *.yml; do\n        yamllint $f\n      done\n")]
    [InlineData("    - >\n      curl -X POST \\\n        --data x\n")]
    [InlineData("    - >\n      echo \"one\n        two\"\n")]
    [InlineData("    - |\n      curl -X POST\n        --data x\n")]
    [InlineData("    - >\n      all on one level\n      still one command\n")]
    public void CIOL009_accepts_breaks_the_shell_accepts_and_other_block_styles(string script)
        => Assert.Empty(Findings("job:\n  script:\n" + script, "CIOL009"));

    [Fact]
    public void CIOL010_flags_the_line_that_lacks_its_backslash()
    {
        const string yaml = "job:\n  script:\n    - |\n      aws sts assume-role-with-web-identity --query Credentials.Expiration\n        --role-arn \"$ROLE_ARN\" \\\n        --web-identity-token \"$AWS_ID_TOKEN\"\n      vault read secret/x\n        | jq .data\n";
        var findings = Findings(yaml, "CIOL010");
        Assert.Equal(2, findings.Count);
        Assert.StartsWith("4:7 ", findings[0], StringComparison.Ordinal);
        Assert.Contains("then '--role-arn' as a command", findings[0], StringComparison.Ordinal);
        Assert.StartsWith("7:7 ", findings[1], StringComparison.Ordinal);
        Assert.Contains("then '|' as a command", findings[1], StringComparison.Ordinal);
        var once = Fixing.Apply(yaml, "CIOL010", "Continue the line with '\\'");
        Assert.Equal(
            "job:\n  script:\n    - |\n      aws sts assume-role-with-web-identity --query Credentials.Expiration \\\n        --role-arn \"$ROLE_ARN\" \\\n        --web-identity-token \"$AWS_ID_TOKEN\"\n      vault read secret/x\n        | jq .data\n",
            once);
    }

    [Theory]
    [InlineData("      case \"$1\" in\n        --help) usage ;;\n      esac\n")]
    [InlineData("      cat <<EOF\n      title\n      --flag is text here\n      EOF\n")]
    [InlineData("      echo \"first\n      --still quoted\"\n")]
    [InlineData("      make build &&\n        make test\n")]
    [InlineData("      # a comment\n      --not-after-a-command\n")]
    [InlineData("      curl -sS \\\n        --fail https://x\n")]
    public void CIOL010_leaves_continued_quoted_and_case_lines_alone(string block)
        => Assert.Empty(Findings("job:\n  script:\n    - |\n" + block, "CIOL010"));

    [Fact]
    public void CIOL011_flags_and_lists_before_the_last_line_only()
    {
        const string yaml = "job:\n  before_script:\n    - cd build && make\n  script:\n    - test -f x && rm x\n    - if make && make test; then echo ok; fi\n    - make || true && echo\n    - mkdir out && cp a out/\n    - make deploy && echo done\n  after_script:\n    - a && b\n";
        var findings = Findings(yaml, "CIOL011");
        Assert.Equal(2, findings.Count);
        Assert.StartsWith("3:7 'cd' runs before '&&'", findings[0], StringComparison.Ordinal);
        Assert.StartsWith("8:7 'mkdir' runs before '&&'", findings[1], StringComparison.Ordinal);
        var fix = Assert.Single(Fixing.Offered(yaml, "CIOL011"));
        Assert.False(fix.IsPreferred);
        Assert.Equal(
            "job:\n  before_script:\n    - cd build\n    - make\n  script:\n    - test -f x && rm x\n    - if make && make test; then echo ok; fi\n    - make || true && echo\n    - mkdir out && cp a out/\n    - make deploy && echo done\n  after_script:\n    - a && b\n",
            Fixing.Apply(yaml, "CIOL011", "Split into two script lines"));
    }

    [Fact]
    public void CIOL011_inside_a_literal_block_splits_into_two_lines()
    {
        const string yaml = "job:\n  script:\n    - |\n      cd infra && terraform init\n      terraform apply\n";
        Assert.Equal(
            "job:\n  script:\n    - |\n      cd infra\n      terraform init\n      terraform apply\n",
            Fixing.Apply(yaml, "CIOL011", "Split into two script lines"));
    }

    [Theory]
    [InlineData("    - (cd sub && ./build.sh)\n", 0)]
    [InlineData("    - login() { ./get-token.sh > token && vault login token; }\n    - login\n", 0)]
    [InlineData("    - function login { ./get-token.sh > token && vault login token; }\n    - login\n", 0)]
    [InlineData("    - (cd sub && ./build.sh; echo built)\n", 1)]
    [InlineData("    - '{ cd sub && ./build.sh; }'\n", 1)]
    [InlineData("    - if true; then cd sub && ./build.sh; fi\n", 1)]
    [InlineData("    - cd sub && (make && make install)\n", 1)]
    public void CIOL011_leaves_the_last_list_of_a_subshell_or_a_function_whose_failure_stops_the_job(string lines, int expected)
    {
        // As bash -e does: a failing subshell or function call stops the job, a brace group or an if body does not.
        var yaml = "job:\n  script:\n" + lines + "    - echo last\n";
        Assert.Equal(expected, Findings(yaml, "CIOL011").Count);
    }

    [Fact]
    public void CIOL010_flags_a_blank_after_the_backslash_and_its_fix_removes_it()
    {
        // "\ " escapes the blank: bash then runs "--role-arn x" as a command of its own.
        const string Yaml = "job:\n  script:\n    - |\n      aws sts assume-role-with-web-identity --query Credentials.Expiration \\  \n        --role-arn x\n";
        Assert.StartsWith("4:7 ", Assert.Single(Findings(Yaml, "CIOL010")), StringComparison.Ordinal);
        Assert.Equal(
            "job:\n  script:\n    - |\n      aws sts assume-role-with-web-identity --query Credentials.Expiration \\\n        --role-arn x\n",
            Fixing.Apply(Yaml, "CIOL010", "Remove the blank after '\\'"));
        Assert.Empty(Findings("job:\n  script:\n    - |\n      aws sts assume-role-with-web-identity --query Credentials.Expiration \\\n        --role-arn x\n", "CIOL010"));
    }

    [Theory]
    [InlineData("      VAL=$(aws sts get-caller-identity\n        --query Account)\n", 1)]
    [InlineData("      TOKEN=$(vault write -field=token auth/jwt/login\n        role=app jwt=$VAULT_ID_TOKEN)\n", 0)]
    [InlineData("      echo \"start\n        --not-an-option\"\n", 0)]
    [InlineData("      ARGS=(\n        --verbose\n        --output out\n      )\n", 0)]
    [InlineData("      echo foo\\\\\n        --bar\n", 1)]
    public void CIOL010_flags_an_option_line_inside_an_open_substitution_but_not_inside_quotes(string block, int expected)
    {
        // Checked with bash: inside $( ) a line break ends the command, inside quotes it is text.
        var yaml = "job:\n  script:\n    - |\n" + block;
        Assert.Equal(expected, Findings(yaml, "CIOL010").Count);
    }

    [Fact]
    public void CIOL009_a_kept_break_inside_an_open_substitution_still_cuts_the_command()
    {
        const string yaml = "job:\n  script:\n    - >\n      OUT=$(aws sts assume-role-with-web-identity\n        --role-arn \"$ROLE\")\n";
        Assert.Contains("CIOL009", Ids(yaml));
        Assert.DoesNotContain("CIOL009", Ids("job:\n  script:\n    - >\n      echo \"a\n        b\"\n"));
    }

    [Fact]
    public void CIOL011_judges_whole_jobs_only()
        => Assert.DoesNotContain("CIOL011", Ids(".unused:\n  script:\n    - cd x && make\n    - echo\n"));
}
