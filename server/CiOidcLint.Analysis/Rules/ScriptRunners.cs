using System;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Shell;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// Whether a job runs only commands that cannot read a variable without naming it. Signing
/// tools read an ID token from the environment by a fixed name (cosign and gitsign take
/// <c>SIGSTORE_ID_TOKEN</c>), and any script file or build tool may read anything; a job that
/// runs one of those may use every token it has. Well-known CLIs read only their documented
/// variables, so running them does not make every token count as used.
/// </summary>
internal static class ScriptRunners
{
    /// <summary>Shell builtins and core utilities: they see the environment only through what the script names.</summary>
    private static readonly ImmutableHashSet<string> Plain = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "echo", "printf", "cd", "pwd", "ls", "cat", "mkdir", "cp", "mv", "rm", "rmdir", "touch", "ln", "chmod", "chown",
        "test", "[", "[[", "true", "false", ":", "export", "unset", "set", "shift", "read", "wait", "sleep", "date",
        "grep", "egrep", "sed", "awk", "cut", "tr", "sort", "uniq", "head", "tail", "wc", "find", "xargs", "tee", "diff",
        "tar", "gzip", "gunzip", "zip", "unzip", "base64", "sha256sum", "md5sum", "basename", "dirname", "realpath",
        "jq", "yq", "apt-get", "apt", "apk", "yum", "dnf", "microdnf", "git", "whoami", "id", "uname", "hostname", "nproc",
        "df", "du", "free", "ps", "which", "command", "type", "mktemp", "stat", "file");

    /// <summary>
    /// Well-known CLIs that read only their own documented variables (<c>VAULT_ADDR</c>,
    /// <c>CLOUDSDK_CORE_PROJECT</c>, <c>AZURE_CONFIG_DIR</c>, proxy settings), never an ID token
    /// under a name of the job's choosing: a token reaches them only where the script names it
    /// (<c>jwt=$VAULT_ID_TOKEN</c>). Left out on purpose: <c>aws</c> (a <c>credential_process</c>
    /// in its config runs any program), <c>docker</c> (Compose reads the whole environment),
    /// <c>kubectl</c> (exec credential plugins) and <c>helm</c> (plugins), which may read any variable.
    /// </summary>
    private static readonly ImmutableHashSet<string> WellKnownClis = ImmutableHashSet.Create(
        StringComparer.Ordinal, "vault", "gcloud", "gsutil", "az", "curl", "wget");

    /// <summary>
    /// Tools that read an ID token from the environment by a fixed name, so a job that runs one
    /// uses a token of that name without writing it (the docs list them too).
    /// </summary>
    public static readonly ImmutableDictionary<string, ImmutableArray<string>> TokenReaders = new (string Tool, string[] Variables)[]
    {
        ("cosign", new[] { "SIGSTORE_ID_TOKEN" }),
        ("gitsign", new[] { "SIGSTORE_ID_TOKEN" }),
    }.ToImmutableDictionary(t => t.Tool, t => t.Variables.ToImmutableArray(), StringComparer.Ordinal);

    /// <summary>
    /// Whether any line of the job runs a command that may read a variable without naming it:
    /// anything but the plain utilities, the well-known CLIs and the token readers above (a
    /// script file, a build tool, an unknown program).
    /// </summary>
    public static bool RunsHiddenCode(Job job)
        => job.ScriptLines.Any(line => line.Shell.Commands.Any(c => c.Words.Length > 0
            && (c.Name is not { } name || !(Plain.Contains(name) || WellKnownClis.Contains(name) || TokenReaders.ContainsKey(name)))));

    /// <summary>The variables the job's token-reading tools read by name (<c>SIGSTORE_ID_TOKEN</c> when it runs cosign).</summary>
    public static ImmutableHashSet<string> ReadByName(Job job)
        => job.ScriptLines.SelectMany(line => line.Shell.Commands)
            .Select(c => c.Name is { } name && TokenReaders.TryGetValue(name, out var variables) ? variables : ImmutableArray<string>.Empty)
            .SelectMany(v => v)
            .ToImmutableHashSet(StringComparer.Ordinal);
}
