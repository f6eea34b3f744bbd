using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Syntax;
using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Pipeline;

public sealed class PipelineBuilderTests
{
    private static PipelineConfig Build(params (string Path, string Text)[] files) => Pipelines.Build(files);

    private static Job Job(PipelineConfig pipeline, string name) => pipeline.FindJob(name) ?? throw new Xunit.Sdk.XunitException($"no job {name}");

    private static string? Scalar(YamlNode? node) => (node as YamlScalar)?.Value;

    private static string[] Script(Job job) => job.ScriptLines.Where(l => l.Section == "script").Select(l => l.Text).ToArray();

    [Fact]
    public void Include_local_as_string_list_and_mapping()
    {
        var pipeline = Build(
            (".gitlab-ci.yml", "include:\n  - a.yml\n  - local: /ci/b.yml\n  - 'c.yml'\nmain:\n  script: [x]\n"),
            ("a.yml", "a:\n  script: [a]\n"),
            ("ci/b.yml", "b:\n  script: [b]\n"),
            ("c.yml", "c:\n  script: [c]\n"));
        Assert.Equal(new[] { "a", "b", "c", "main" }, pipeline.Jobs.Select(j => j.Name).OrderBy(n => n));
        Assert.Empty(pipeline.Problems);
        Assert.Equal(new[] { ".gitlab-ci.yml", "a.yml", "ci/b.yml", "c.yml" }, pipeline.Files.Select(f => f.Path));
    }

    [Fact]
    public void Include_as_single_string_and_single_mapping()
    {
        var one = Build((".gitlab-ci.yml", "include: a.yml\n"), ("a.yml", "a:\n  script: [a]\n"));
        Assert.NotNull(one.FindJob("a"));
        var two = Build((".gitlab-ci.yml", "include:\n  local: a.yml\n"), ("a.yml", "a:\n  script: [a]\n"));
        Assert.NotNull(two.FindJob("a"));
    }

    [Fact]
    public void Nested_includes_are_followed_and_paths_are_from_the_repository_root()
    {
        var pipeline = Build(
            (".gitlab-ci.yml", "include: ci/a.yml\n"),
            ("ci/a.yml", "include: ci/b.yml\n"),
            ("ci/b.yml", "deep:\n  script: [b]\n"));
        Assert.NotNull(pipeline.FindJob("deep"));
    }

    [Fact]
    public void The_including_file_wins_and_job_hashes_deep_merge()
    {
        var pipeline = Build(
            (".gitlab-ci.yml", "include: a.yml\nbuild:\n  variables:\n    B: main\n  script: [main]\n"),
            ("a.yml", "build:\n  variables:\n    A: inc\n    B: inc\n  script: [inc]\n  stage: test\n"));
        var build = Job(pipeline, "build");
        var variables = (YamlMapping)build.Get("variables")!;
        Assert.Equal("inc", Scalar(variables.Get("A")));
        Assert.Equal("main", Scalar(variables.Get("B")));
        Assert.Equal(new[] { "main" }, Script(build));
        Assert.Equal("test", Scalar(build.Get("stage")));

        // Values still point at the file they were written in.
        Assert.Equal("a.yml", variables.Get("A")!.File.Path);
        Assert.Equal(".gitlab-ci.yml", variables.Get("B")!.File.Path);
    }

    [Fact]
    public void Later_includes_override_earlier_ones()
    {
        var pipeline = Build(
            (".gitlab-ci.yml", "include: [a.yml, b.yml]\n"),
            ("a.yml", "j:\n  stage: a\n"),
            ("b.yml", "j:\n  stage: b\n"));
        Assert.Equal("b", Scalar(Job(pipeline, "j").Get("stage")));
    }

    [Theory]
    [InlineData("configs/*.yml", "configs/a.yml")]
    [InlineData("configs/**.yml", "configs/a.yml,configs/sub/b.yml,configs/sub/deeper/c.yml")]
    [InlineData("configs/**/*.yml", "configs/sub/b.yml,configs/sub/deeper/c.yml")]
    [InlineData("/configs/sub/*.yml", "configs/sub/b.yml")]
    public void Local_globs_follow_gitlab_semantics(string pattern, string expected)
    {
        var pipeline = Build(
            (".gitlab-ci.yml", $"include:\n  local: '{pattern}'\n"),
            ("configs/a.yml", "a:\n  script: [a]\n"),
            ("configs/readme.md", "not yaml"),
            ("configs/sub/b.yml", "b:\n  script: [b]\n"),
            ("configs/sub/deeper/c.yml", "c:\n  script: [c]\n"));
        Assert.Equal(expected.Split(','), pipeline.Files.Skip(1).Select(f => f.Path).ToArray());
        Assert.Empty(pipeline.Problems);
    }

    [Fact]
    public void A_missing_local_include_is_a_configuration_error_at_the_include()
    {
        var pipeline = Build((".gitlab-ci.yml", "include:\n  - local: missing.yml\n"));
        var problem = Assert.Single(pipeline.Problems);
        Assert.Contains("does not exist", problem.Message);
        Assert.Equal("missing.yml", pipeline.Root.Text.ToString(problem.Location.Span));
    }

    [Fact]
    public void A_missing_include_under_rules_is_still_an_error()
    {
        var pipeline = Build((".gitlab-ci.yml", "include:\n  - local: missing.yml\n    rules:\n      - if: $X\n"));
        Assert.Single(pipeline.Problems);
        Assert.True(pipeline.Includes.Single().HasRules);
    }

    [Fact]
    public void A_glob_that_matches_nothing_is_an_error()
    {
        var pipeline = Build((".gitlab-ci.yml", "include: 'ci/*.yml'\n"));
        Assert.Contains("matches no", Assert.Single(pipeline.Problems).Message);
    }

    [Fact]
    public void Local_includes_never_leave_the_repository()
    {
        var pipeline = Build((".gitlab-ci.yml", "include: '../../etc/passwd.yml'\n"));
        Assert.Contains("outside the repository", Assert.Single(pipeline.Problems).Message);
    }

    [Fact]
    public void An_include_cycle_is_reported_and_does_not_loop()
    {
        var pipeline = Build(
            (".gitlab-ci.yml", "include: a.yml\n"),
            ("a.yml", "include: b.yml\na:\n  script: [a]\n"),
            ("b.yml", "include: a.yml\n"));
        Assert.Contains("includes itself", Assert.Single(pipeline.Problems).Message);
        Assert.NotNull(pipeline.FindJob("a"));
    }

    [Theory]
    [InlineData("- project: group/ci\n    file: /templates/a.yml", IncludeKind.Project)]
    [InlineData("- remote: https://example.com/ci.yml", IncludeKind.Remote)]
    [InlineData("- https://example.com/ci.yml", IncludeKind.Remote)]
    [InlineData("- template: Auto-DevOps.gitlab-ci.yml", IncludeKind.Template)]
    [InlineData("- component: $CI_SERVER_FQDN/group/comp/deploy@1.0", IncludeKind.Component)]
    public void Other_includes_are_not_followed(string include, IncludeKind kind)
    {
        var pipeline = Build((".gitlab-ci.yml", "include:\n  " + include + "\n"));
        var found = Assert.Single(pipeline.Includes);
        Assert.Equal(kind, found.Kind);
        Assert.False(found.IsFollowed);
        Assert.Empty(pipeline.Problems);
    }

    [Fact]
    public void Extends_merges_multi_level_and_list_bases_in_order()
    {
        var pipeline = Build((".gitlab-ci.yml", @"
.a:
  variables: { A: a, SHARED: a }
  script: [a]
.b:
  extends: .a
  variables: { B: b, SHARED: b }
.c:
  variables: { C: c }
  tags: [c]
job:
  extends: [.b, .c]
  variables: { J: j }
"));
        var job = Job(pipeline, "job");
        var variables = (YamlMapping)job.Get("variables")!;
        Assert.Equal(new[] { "A", "SHARED", "B", "C", "J" }, variables.Entries.Select(e => e.Name));
        Assert.Equal("b", Scalar(variables.Get("SHARED")));
        Assert.Equal(new[] { "a" }, Script(job));
        Assert.Equal(new[] { ".b", ".a", ".c" }, job.Bases);
    }

    [Fact]
    public void Extends_replaces_arrays_and_null_removes()
    {
        var pipeline = Build((".gitlab-ci.yml", @"
.base:
  script: [one, two]
  tags: [docker]
  id_tokens:
    A: { aud: x }
job:
  extends: .base
  script: [three]
  tags: null
"));
        var job = Job(pipeline, "job");
        Assert.Equal(new[] { "three" }, Script(job));
        Assert.Null(job.Get("tags"));
        Assert.Equal("A", Assert.Single(job.IdTokens).Name);
    }

    [Fact]
    public void Extends_deep_merges_id_tokens_from_several_bases()
    {
        var pipeline = Build((".gitlab-ci.yml", @"
.aws:
  id_tokens:
    AWS_TOKEN: { aud: sts.amazonaws.com }
.vault:
  id_tokens:
    VAULT_TOKEN: { aud: https://vault.example.org }
job:
  extends: [.aws, .vault]
  script: [x]
"));
        Assert.Equal(new[] { "AWS_TOKEN", "VAULT_TOKEN" }, Job(pipeline, "job").IdTokens.Select(t => t.Name));
    }

    [Fact]
    public void Extends_cycle_and_missing_target_are_errors()
    {
        var cycle = Build((".gitlab-ci.yml", ".a:\n  extends: .b\n.b:\n  extends: .a\njob:\n  extends: .a\n  script: [x]\n"));
        Assert.Contains(cycle.Problems, p => p.Message.Contains("cycle"));
        var missing = Build((".gitlab-ci.yml", "job:\n  extends: .nope\n  script: [x]\n"));
        var problem = Assert.Single(missing.Problems);
        Assert.Contains("'.nope'", problem.Message);
        Assert.Equal(".nope", missing.Root.Text.ToString(problem.Location.Span));
    }

    [Fact]
    public void Extends_deeper_than_ten_levels_is_an_error()
    {
        var text = ".t0:\n  script: [x]\n" + string.Concat(Enumerable.Range(1, 11).Select(i => $".t{i}:\n  extends: .t{i - 1}\n")) + "job:\n  extends: .t11\n";
        var pipeline = Build((".gitlab-ci.yml", text));
        Assert.Contains(pipeline.Problems, p => p.Message.Contains("deeper than"));
        var shallow = ".t0:\n  script: [x]\n" + string.Concat(Enumerable.Range(1, 8).Select(i => $".t{i}:\n  extends: .t{i - 1}\n")) + "job:\n  extends: .t8\n";
        Assert.Empty(Build((".gitlab-ci.yml", shallow)).Problems);
    }

    [Fact]
    public void A_missing_extends_target_is_held_back_when_an_include_is_not_followed()
    {
        var pipeline = Build((".gitlab-ci.yml", "include:\n  - project: g/p\n    file: t.yml\njob:\n  extends: .remote\n  script: [x]\n"));
        Assert.Empty(pipeline.Problems);
        Assert.True(Job(pipeline, "job").IsIncomplete);
    }

    [Fact]
    public void References_splice_into_script_lists_and_nest()
    {
        var pipeline = Build((".gitlab-ci.yml", @"
.setup:
  script:
    - one
    - two
.login:
  script:
    - !reference [.setup, script]
    - three
job:
  variables: !reference [.vars, variables]
  script:
    - !reference [.login, script]
    - four
.vars:
  variables:
    X: y
"));
        var job = Job(pipeline, "job");
        Assert.Equal(new[] { "one", "two", "three", "four" }, Script(job));
        Assert.Equal("y", Scalar(((YamlMapping)job.Get("variables")!).Get("X")));
        Assert.Empty(pipeline.Problems);
        // The spliced line still points at where it was written.
        var one = job.ScriptLines.First(l => l.Text == "one");
        Assert.Equal(4, one.Node.Location.LineSpan.Start.Line + 1);
    }

    [Fact]
    public void A_reference_sees_the_extended_template()
    {
        var pipeline = Build((".gitlab-ci.yml", ".a:\n  script: [from-a]\n.b:\n  extends: .a\njob:\n  script: !reference [.b, script]\n"));
        Assert.Equal(new[] { "from-a" }, Script(Job(pipeline, "job")));
    }

    [Fact]
    public void A_reference_to_nothing_is_an_error_at_the_reference()
    {
        var pipeline = Build((".gitlab-ci.yml", "job:\n  script:\n    - !reference [.nope, script]\n"));
        var problem = Assert.Single(pipeline.Problems);
        Assert.Contains("refers to nothing", problem.Message);
        Assert.StartsWith("!reference", pipeline.Root.Text.ToString(problem.Location.Span));
    }

    [Fact]
    public void A_reference_cycle_stops_at_ten_levels()
    {
        var pipeline = Build((".gitlab-ci.yml", ".a:\n  script: !reference [.b, script]\n.b:\n  script: !reference [.a, script]\njob:\n  script: !reference [.a, script]\n"));
        Assert.Contains(pipeline.Problems, p => p.Message.Contains("deeper than"));
    }

    [Fact]
    public void Default_is_inherited_unless_the_job_has_its_own()
    {
        var pipeline = Build((".gitlab-ci.yml", @"
default:
  before_script: [login]
  id_tokens:
    DEFAULT_TOKEN: { aud: a }
plain:
  script: [x]
own:
  id_tokens:
    OWN_TOKEN: { aud: b }
  script: [x]
"));
        var plain = Job(pipeline, "plain");
        Assert.Equal("DEFAULT_TOKEN", Assert.Single(plain.IdTokens).Name);
        Assert.True(plain.IdTokens[0].IsFromDefault);
        Assert.Contains(plain.ScriptLines, l => l.Section == "before_script" && l.Text == "login");

        // before_script and script share one shell: before_script's last line is not the shell's last.
        Assert.Equal(new[] { false, true }, plain.ScriptLines.Select(l => l.IsLastInShell));

        // A job's id_tokens replaces default's as a whole.
        var own = Job(pipeline, "own");
        Assert.Equal("OWN_TOKEN", Assert.Single(own.IdTokens).Name);
        Assert.False(own.IdTokens[0].IsFromDefault);
    }

    [Fact]
    public void Inherit_default_false_or_a_list_limits_what_is_taken()
    {
        var pipeline = Build((".gitlab-ci.yml", @"
default:
  before_script: [login]
  id_tokens:
    T: { aud: a }
none:
  inherit: { default: false }
  script: [x]
some:
  inherit:
    default: [before_script]
  script: [x]
"));
        Assert.Empty(Job(pipeline, "none").IdTokens);
        Assert.DoesNotContain(Job(pipeline, "none").ScriptLines, l => l.Section == "before_script");
        Assert.Empty(Job(pipeline, "some").IdTokens);
        Assert.Contains(Job(pipeline, "some").ScriptLines, l => l.Section == "before_script");
    }

    [Fact]
    public void Top_level_before_script_acts_as_a_default()
    {
        var pipeline = Build((".gitlab-ci.yml", "before_script: [global]\njob:\n  script: [x]\n"));
        Assert.Contains(Job(pipeline, "job").ScriptLines, l => l.Section == "before_script" && l.Text == "global");
    }

    [Fact]
    public void Templates_and_trigger_jobs_take_nothing_from_default()
    {
        var pipeline = Build((".gitlab-ci.yml", "default:\n  id_tokens:\n    T: { aud: a }\n.tpl:\n  script: [x]\nbridge:\n  trigger: child.yml\n"));
        Assert.Empty(Job(pipeline, ".tpl").IdTokens);
        Assert.Empty(Job(pipeline, "bridge").IdTokens);
        Assert.True(Job(pipeline, "bridge").IsTrigger);
    }

    [Fact]
    public void Anchors_and_merge_keys_resolve_within_a_file()
    {
        var pipeline = Build((".gitlab-ci.yml", @"
.tokens: &tokens
  VAULT_ID_TOKEN:
    aud: https://vault.example.org
.base: &base
  id_tokens: *tokens
  script: [base]
job:
  <<: *base
  script: [own]
"));
        var job = Job(pipeline, "job");
        Assert.Equal("VAULT_ID_TOKEN", Assert.Single(job.IdTokens).Name);
        Assert.Equal(new[] { "own" }, Script(job));
    }

    [Fact]
    public void A_spec_header_document_is_skipped()
    {
        var pipeline = Build((".gitlab-ci.yml", "spec:\n  inputs:\n    stage:\n      default: test\n---\njob:\n  stage: $[[ inputs.stage ]]\n  script: [x]\n"));
        Assert.NotNull(pipeline.Root.Header);
        Assert.NotNull(pipeline.FindJob("job"));
    }
}
