using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Rules;

/// <summary>CIOL010: a literal script line continued on the next without its backslash.</summary>
public sealed class ScriptLineMissingContinuationRuleTests
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
}
