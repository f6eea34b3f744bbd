using System;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Shell;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// Whether a job runs only commands that cannot read a variable without naming it. Signing and
/// login tools read ID tokens from the environment by name (cosign and gitsign take
/// <c>SIGSTORE_ID_TOKEN</c>, credential helpers their own), and so may any script file or build
/// tool; a job that runs one of those may use every token it has.
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

    /// <summary>Whether any line of the job runs a command outside <see cref="Plain"/>.</summary>
    public static bool RunsHiddenCode(Job job)
        => job.ScriptLines.Any(line => ShellParser.Parse(line.Text).Commands.Any(c => c.Words.Length > 0 && (c.Name is not { } name || !Plain.Contains(name))));
}
