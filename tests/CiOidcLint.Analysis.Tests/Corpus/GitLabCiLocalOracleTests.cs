using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Threading.Tasks;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Syntax;
using CiOidcLint.Analysis.Workspace;
using Xunit.Abstractions;
using YamlDotNet.RepresentationModel;
using YamlNode = CiOidcLint.Analysis.Syntax.YamlNode;

namespace CiOidcLint.Analysis.Tests.Corpus;

/// <summary>
/// The oracle for the effective job (<see cref="EffectiveJobWriter"/>, <c>cioidclint show</c>):
/// for every case of gitlab-ci-local's own test pipelines that gitlab-ci-local accepts, the jobs
/// the engine composes equal the jobs of <c>gitlab-ci-local --preview</c>, key by key.
/// <para>
/// Both sides are brought to one form before they are compared: gitlab-ci-local rewrites some
/// keywords into their long form (<see cref="Normalizations"/>), which changes nothing GitLab
/// does. Where gitlab-ci-local and GitLab really differ, the comparison follows GitLab, and the
/// difference is named in <see cref="Divergences"/> with GitLab's reason. Anything else that
/// differs fails the test.
/// </para>
/// scripts/setup-oracle.sh installs gitlab-ci-local (it needs Node 22, from npm) and test.sh
/// passes it in <c>CIOIDCLINT_GITLAB_CI_LOCAL</c>; without it, the test skips and says why.
/// </summary>
public sealed class GitLabCiLocalOracleTests
{
    /// <summary>Where gitlab-ci-local's long forms differ from what was written, with no change in meaning.</summary>
    public static readonly IReadOnlyList<string> Normalizations = new[]
    {
        "script, before_script and after_script: one string is a list of one; nested lists (from !reference) are flattened, as they are in rules and needs",
        "parallel:matrix: a single value is a list of one",
        "image: a string is {name}; services: each string is {name}",
        "needs: each string is {job, artifacts: true, optional: false}, and a mapping gets those defaults",
        "cache: one mapping is a list of one, with policy pull-push and when on_success by default",
        "variables: every value is a string ({value: x} is x; a number or boolean its text; null is '')",
        "trigger: include: a string is [{local: the string}]",
        "extends is removed once applied (it says how the job was composed, not what it does)",
    };

    /// <summary>Where gitlab-ci-local does not do what GitLab does: the comparison follows GitLab.</summary>
    public static readonly IReadOnlyList<(string Name, string GitLabReason)> Divergences = new[]
    {
        ("default-keywords", "gitlab-ci-local applies only artifacts, cache, services, image, before_script and after_script from default:; GitLab applies every default keyword (id_tokens, tags, interruptible, retry, timeout, hooks too), so the other keys the engine takes from default: are left out of the comparison"),
        ("image-and-service-keys", "gitlab-ci-local keeps only name, entrypoint and docker of an image (name, entrypoint, command, alias, variables of a service); GitLab keeps pull_policy and the rest, so only those keys are compared"),
        ("cache-keys", "gitlab-ci-local keeps only key, paths, policy and when of a cache, and drops a cache without paths; GitLab keeps untracked, unprotect and fallback_keys, so only those keys are compared"),
        ("trigger-defaults", "gitlab-ci-local gives trigger jobs default:'s image, services, cache, artifacts and scripts; GitLab runs no script in a trigger job and applies none of them, so they are left out for trigger jobs"),
        ("expand-false", "gitlab-ci-local writes a variable with expand: false with every $ doubled (its own escaping); GitLab keeps the value and the flag, so the engine's value is doubled the same way before comparing"),
    };

    /// <summary>
    /// Differences in single cases, each with why GitLab's answer is the engine's (case, job,
    /// key). An entry that no longer matches a difference fails the test, so the list stays true.
    /// </summary>
    public static readonly IReadOnlyList<(string Case, string Job, string Key, string GitLabReason)> KnownDifferences = new[]
    {
        ("include-rules", "build-job", "script", "gitlab-ci-local sets GITLAB_CI to \"false\" (its mark of a local run), so its include rules pick .gitlab-ci-to-be-added.yml; GitLab sets GITLAB_CI to \"true\" and includes .gitlab-ci-not-to-be-added.yml, as the engine does"),
        ("include-rules", "test-job", "(job)", "gitlab-ci-local evaluates include rules for one local branch pipeline; in a tag pipeline GitLab includes .gitlab-ci-issue685.yml (rules: if: $CI_COMMIT_TAG), and the engine reads every include some pipeline has"),
        ("rules-needs", "test-job", "needs", "gitlab-ci-local applies the needs of the rule that matches its local run; GitLab applies a rule's needs per pipeline, and the effective job holds the job's own"),
        ("services", "pre-job", "services", "!reference [.service-entry-ref, 0] indexes a list: gitlab-ci-local resolves it, GitLab rejects it (Tags::Reference#valid? takes only strings), and the engine leaves it unresolved"),
    };

    private static readonly HashSet<string> ImageKeys = new(StringComparer.Ordinal) { "name", "entrypoint", "docker" };
    private static readonly HashSet<string> ServiceKeys = new(StringComparer.Ordinal) { "name", "entrypoint", "command", "alias", "variables" };
    private static readonly HashSet<string> CacheKeys = new(StringComparer.Ordinal) { "key", "paths", "policy", "when" };
    private static readonly HashSet<string> DefaultsGitLabCiLocalApplies = new(StringComparer.Ordinal) { "artifacts", "cache", "services", "image", "before_script", "after_script" };

    private readonly ITestOutputHelper _output;

    public GitLabCiLocalOracleTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [SkippableFact]
    public void Effective_jobs_equal_gitlab_ci_local_s_preview_for_every_case_it_accepts()
    {
        Skip.IfNot(CorpusLocation.Exists, CorpusLocation.SkipMessage);
        var gitlabCiLocal = Environment.GetEnvironmentVariable("CIOIDCLINT_GITLAB_CI_LOCAL");
        Skip.If(
            string.IsNullOrEmpty(gitlabCiLocal) || !File.Exists(gitlabCiLocal),
            "gitlab-ci-local is not installed: scripts/setup-oracle.sh installs it from npm (with the Node 22+ it needs) and scripts/test.sh sets CIOIDCLINT_GITLAB_CI_LOCAL; this run compares nothing with it");

        var cases = Directory.GetDirectories(Path.Combine(CorpusLocation.Corpus, "gitlab-ci-local-cases"))
            .Where(d => File.Exists(Path.Combine(d, ".gitlab-ci.yml")))
            .OrderBy(d => d, StringComparer.Ordinal)
            .ToList();
        var outcomes = new ConcurrentDictionary<string, Outcome>(StringComparer.Ordinal);
        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, folder =>
            outcomes[Path.GetFileName(folder)] = Compare(gitlabCiLocal!, folder));

        var accepted = outcomes.Where(o => o.Value.Accepted).ToList();
        var notCompared = outcomes.Where(o => !o.Value.Accepted).OrderBy(o => o.Key, StringComparer.Ordinal).ToList();
        _output.WriteLine($"gitlab-ci-local accepted {accepted.Count} of {cases.Count} cases; {accepted.Sum(o => o.Value.Jobs)} jobs compared.");
        foreach (var (name, outcome) in notCompared)
        {
            _output.WriteLine($"  not compared: {name}: {outcome.Why}");
        }

        var differences = accepted.SelectMany(o => o.Value.Differences.Select(d => (Case: o.Key, d.Job, d.Key, d.Text))).ToList();
        bool IsKnown((string Case, string Job, string Key, string Text) d) => KnownDifferences.Any(k => k.Case == d.Case && k.Job == d.Job && k.Key == d.Key);
        foreach (var known in differences.Where(IsKnown))
        {
            _output.WriteLine($"  known difference: {known.Case}: {known.Text}");
        }

        var failures = differences.Where(d => !IsKnown(d)).OrderBy(d => d.Case, StringComparer.Ordinal).Select(d => $"{d.Case}: {d.Text}")
            .Concat(KnownDifferences.Where(k => !differences.Any(d => d.Case == k.Case && d.Job == k.Job && d.Key == k.Key))
                .Select(k => $"{k.Case}: the known difference in job '{k.Job}' key '{k.Key}' is gone: take it off KnownDifferences"))
            .ToList();
        Assert.True(accepted.Count >= 100, $"gitlab-ci-local accepted only {accepted.Count} cases:\n{string.Join("\n", notCompared.Select(o => $"{o.Key}: {o.Value.Why}"))}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private sealed record Difference(string Job, string Key, string Text);

    private sealed record Outcome(bool Accepted, string Why, int Jobs, List<Difference> Differences);

    private static Outcome Compare(string gitlabCiLocal, string folder)
    {
        var work = Path.Combine(Path.GetTempPath(), "cioidclint-oracle-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyFolder(folder, work);

            // gitlab-ci-local's own configuration files are not GitLab's: without them it reads
            // the pipeline as GitLab would.
            foreach (var own in new[] { ".gitlab-ci-local-env", ".gitlab-ci-local.yml", ".gitlab-ci-local-variables.yml", ".gitlab-ci-local-inputs.yml" })
            {
                File.Delete(Path.Combine(work, own));
            }

            var pipeline = new RepositoryAnalysis(new PhysicalFileSystem(work)).Compose(RepositoryAnalysis.RootPipelinePath)!;
            if (pipeline.HasUnfollowedIncludes)
            {
                return new Outcome(false, "includes a file the engine cannot read offline (remote, template, project or component, or a path made of variables)", 0, new List<Difference>());
            }

            // A repository as gitlab-ci-local's own tests set one up: it reads the branch, the
            // commit and the remote from git (local includes only see files git knows).
            Run("git", work, "init", "-q", "-b", "main");
            Run("git", work, "config", "user.email", "oracle@example.com");
            Run("git", work, "config", "user.name", "Oracle");
            Run("git", work, "remote", "add", "origin", "git@gitlab.com:gcl/test-project.git");
            Run("git", work, "add", "-A");
            Run("git", work, "commit", "-q", "--allow-empty", "-m", "init");
            Run("git", work, "update-ref", "refs/remotes/origin/main", "HEAD");
            Run("git", work, "symbolic-ref", "refs/remotes/origin/HEAD", "refs/remotes/origin/main");
            var (exit, stdout, stderr) = Run(gitlabCiLocal, work, "--preview", "--cwd", ".");
            if (exit != 0)
            {
                var reason = stderr.Split('\n').Select(l => l.Trim())
                    .FirstOrDefault(l => l.Length > 0 && !l.StartsWith("(node", StringComparison.Ordinal) && !l.StartsWith("Using fallback", StringComparison.Ordinal)) ?? $"exit {exit}";
                return new Outcome(false, "gitlab-ci-local rejects it: " + reason, 0, new List<Difference>());
            }

            // Warnings come before the document; the preview starts at its "---".
            var start = stdout.StartsWith("---", StringComparison.Ordinal) ? 0 : stdout.IndexOf("\n---", StringComparison.Ordinal) + 1;
            stdout = stdout[start..];
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(stdout));
            }
            catch (YamlDotNet.Core.YamlException ex)
            {
                return new Outcome(true, string.Empty, 0, new List<Difference> { new("(preview)", "(preview)", $"its preview does not read as YAML ({ex.Message}):\n{stdout}") });
            }

            var preview = (YamlMappingNode)stream.Documents[0].RootNode;
            var theirs = preview.Children
                .Where(e => !GitLabKeywords.TopLevel.Contains(((YamlScalarNode)e.Key).Value!))
                .ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => e.Value, StringComparer.Ordinal);
            var ours = pipeline.ConcreteJobs.GroupBy(j => j.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            var differences = new List<Difference>();
            foreach (var missing in theirs.Keys.Except(ours.Keys, StringComparer.Ordinal))
            {
                differences.Add(new(missing, "(job)", $"job '{missing}' is in gitlab-ci-local's preview only"));
            }

            foreach (var extra in ours.Keys.Except(theirs.Keys, StringComparer.Ordinal))
            {
                differences.Add(new(extra, "(job)", $"job '{extra}' is the engine's only"));
            }

            foreach (var (name, job) in ours.Where(o => theirs.ContainsKey(o.Key)))
            {
                var expected = NormalizeJob(FromPreview(theirs[name]) as Dictionary<string, object?> ?? new(), null);
                var actual = NormalizeJob(FromEngine(job.Effective, isJob: true) as Dictionary<string, object?> ?? new(), job);
                foreach (var key in expected.Keys.Union(actual.Keys).OrderBy(k => k, StringComparer.Ordinal))
                {
                    var e = expected.TryGetValue(key, out var ev) ? Canonical(ev) : "(none)";
                    var a = actual.TryGetValue(key, out var av) ? Canonical(av) : "(none)";
                    if (e != a)
                    {
                        differences.Add(new(name, key, $"job '{name}' key '{key}': gitlab-ci-local {e}, engine {a}"));
                    }
                }
            }

            return new Outcome(true, string.Empty, ours.Count, differences);
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder left behind costs nothing.
            }
        }
    }

    /// <summary>Both sides' job in one form (see <see cref="Normalizations"/> and <see cref="Divergences"/>).</summary>
    private static Dictionary<string, object?> NormalizeJob(Dictionary<string, object?> job, Job? engine)
    {
        job.Remove("extends");
        if (engine is not null)
        {
            // default-keywords: what gitlab-ci-local does not take from default: is left out.
            var inherited = (engine.Get("inherit") as YamlMapping)?.Get("default") is YamlSequence listed
                ? listed.Items.OfType<YamlScalar>().Select(s => s.Value).ToHashSet(StringComparer.Ordinal)
                : null;
            foreach (var key in engine.FromDefault.Where(k => !DefaultsGitLabCiLocalApplies.Contains(k) && inherited?.Contains(k) != true))
            {
                job.Remove(key);
            }

            if (job.TryGetValue("artifacts", out var artifacts) && artifacts is null)
            {
                job.Remove("artifacts");
            }
        }

        var isTrigger = job.ContainsKey("trigger");
        if (isTrigger)
        {
            foreach (var key in DefaultsGitLabCiLocalApplies)
            {
                job.Remove(key);
            }
        }

        foreach (var section in GitLabKeywords.ScriptSections.Concat(new[] { "rules", "needs" }))
        {
            if (job.TryGetValue(section, out var script))
            {
                job[section] = Flatten(script);
            }
        }

        if (job.TryGetValue("parallel", out var parallel) && parallel is Dictionary<string, object?> parallelMap
            && parallelMap.TryGetValue("matrix", out var matrix) && matrix is List<object?> combinations)
        {
            parallelMap["matrix"] = combinations.Select(c => c is Dictionary<string, object?> values
                ? values.ToDictionary(v => v.Key, v => v.Value is List<object?> ? v.Value : new List<object?> { v.Value }, StringComparer.Ordinal)
                : c).ToList();
        }

        if (job.TryGetValue("image", out var image))
        {
            job["image"] = Keep(image is string name ? new Dictionary<string, object?> { ["name"] = name } : image, ImageKeys);
        }

        if (job.TryGetValue("services", out var services) && services is List<object?> serviceList)
        {
            job["services"] = serviceList.Select(s => Keep(s is string name ? new Dictionary<string, object?> { ["name"] = name } : s, ServiceKeys)).ToList();
        }

        if (job.TryGetValue("needs", out var needs) && needs is List<object?> needList)
        {
            job["needs"] = needList.Select(n =>
            {
                var need = n is string name ? new Dictionary<string, object?> { ["job"] = name } : n as Dictionary<string, object?>;
                if (need is null)
                {
                    return n;
                }

                need.TryAdd("artifacts", "true");
                need.TryAdd("optional", "false");
                return need;
            }).ToList();
        }

        if (job.TryGetValue("cache", out var cache))
        {
            var caches = cache is List<object?> list ? list : new List<object?> { cache };
            job["cache"] = caches.OfType<Dictionary<string, object?>>()
                .Where(c => c.ContainsKey("paths"))
                .Select(c =>
                {
                    var kept = (Dictionary<string, object?>)Keep(c, CacheKeys)!;
                    kept.TryAdd("policy", "pull-push");
                    kept.TryAdd("when", "on_success");
                    return (object?)kept;
                }).ToList();
        }

        if (job.TryGetValue("variables", out var variables) && variables is Dictionary<string, object?> variableMap)
        {
            job["variables"] = variableMap.ToDictionary(v => v.Key, v => (object?)VariableValue(v.Value), StringComparer.Ordinal);
        }

        if (job.TryGetValue("trigger", out var trigger) && trigger is Dictionary<string, object?> triggerMap && triggerMap.TryGetValue("include", out var include) && include is string local)
        {
            triggerMap["include"] = new List<object?> { new Dictionary<string, object?> { ["local"] = local } };
        }

        return job;
    }

    private static string VariableValue(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        Dictionary<string, object?> map => (map.TryGetValue("value", out var v) ? v as string ?? string.Empty : string.Empty) is var text
            && map.TryGetValue("expand", out var expand) && expand is "false"
                ? text.Replace("$", "$$", StringComparison.Ordinal)
                : text,
        _ => Canonical(value),
    };

    private static object? Keep(object? value, HashSet<string> keys)
        => value is Dictionary<string, object?> map ? map.Where(e => keys.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal) : value;

    private static List<object?> Flatten(object? script)
    {
        var lines = new List<object?>();
        void Add(object? item, int depth)
        {
            if (item is List<object?> list && depth <= 10)
            {
                foreach (var nested in list)
                {
                    Add(nested, depth + 1);
                }
            }
            else
            {
                lines.Add(item);
            }
        }

        Add(script, 0);
        return lines;
    }

    /// <summary>The engine's node as plain data: strings (null for YAML's null), lists, maps.</summary>
    private static object? FromEngine(YamlNode node, bool isJob = false) => node switch
    {
        YamlScalar { IsNull: true } => null,
        YamlScalar scalar => scalar.Value,
        YamlMapping mapping => mapping.Entries.ToDictionary(e => e.Name, e => FromEngine(e.Value), StringComparer.Ordinal),
        YamlSequence sequence => sequence.Items.Select(i => FromEngine(i)).ToList(),
        _ => null,
    };

    /// <summary>gitlab-ci-local's node as plain data (its printer writes null as null and '' as '').</summary>
    private static object? FromPreview(YamlDotNet.RepresentationModel.YamlNode node) => node switch
    {
        YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "null" or "~" or "" } => null,
        YamlScalarNode scalar => scalar.Value ?? string.Empty,
        YamlMappingNode mapping => mapping.Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => FromPreview(e.Value), StringComparer.Ordinal),
        YamlSequenceNode sequence => sequence.Children.Select(FromPreview).ToList(),
        _ => null,
    };

    /// <summary>One string per value, maps with sorted keys, so equal data prints equal.</summary>
    private static string Canonical(object? value)
    {
        var text = new StringBuilder();
        Write(value);
        return text.ToString();

        void Write(object? v)
        {
            switch (v)
            {
                case null:
                    text.Append("null");
                    break;
                case string s:
                    text.Append('"').Append(s.Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                    break;
                case List<object?> list:
                    text.Append('[');
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (i > 0)
                        {
                            text.Append(", ");
                        }

                        Write(list[i]);
                    }

                    text.Append(']');
                    break;
                case Dictionary<string, object?> map:
                    text.Append('{');
                    var first = true;
                    foreach (var (key, item) in map.OrderBy(e => e.Key, StringComparer.Ordinal))
                    {
                        text.Append(first ? string.Empty : ", ").Append(key).Append(": ");
                        Write(item);
                        first = false;
                    }

                    text.Append('}');
                    break;
            }
        }
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static (int Exit, string Stdout, string Stderr) Run(string program, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Nothing of this machine's: no ~/.gitlab-ci-local, no GCL_ options, no colours.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("GCL_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["HOME"] = folder;
        start.Environment["NO_COLOR"] = "1";
        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_AUTHOR_DATE"] = "2000-01-01T00:00:00Z";
        start.Environment["GIT_COMMITTER_DATE"] = "2000-01-01T00:00:00Z";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish in {folder}");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
