using System;
using System.Linq;
using System.Text.RegularExpressions;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>The shell that runs a job's script lines.</summary>
public enum JobShell
{
    /// <summary>bash or sh: what GitLab's Linux and macOS runners use, and what is assumed when nothing says otherwise.</summary>
    Posix,

    /// <summary>
    /// PowerShell (or cmd, on old Windows runners): a Windows runner, or a script that can only
    /// be PowerShell. The bash rules (errexit, line continuation, folded blocks) say nothing here.
    /// </summary>
    PowerShell,
}

/// <summary>
/// Tells a job that runs PowerShell from one that runs bash, from what the job says, composed
/// through <c>extends</c>, <c>default:</c> and <c>!reference</c>:
/// <list type="bullet">
/// <item>a tag naming Windows or PowerShell: <c>windows</c>, <c>saas-windows-medium-amd64</c>,
/// <c>win2022</c>, <c>pwsh</c>, or a variable such as <c>$WINDOWS_BUILD_TAG</c> (GitLab routes the
/// job to a Windows runner, whose default shell is PowerShell);</item>
/// <item>a Windows base image: <c>mcr.microsoft.com/windows/…</c>, <c>mcr.microsoft.com/dotnet/framework/…</c>,
/// or <c>servercore</c>, <c>nanoserver</c> or <c>ltsc2022</c> in its name or tag (an image that
/// only has "windows" in its name, such as a cross-compiler, is a Linux image);</item>
/// <item>a script command that can only be PowerShell, read with the shell parser so that quoted
/// text and here-documents do not count: an assignment to <c>$env:NAME</c>, a cmdlet run as a
/// command (<c>Write-Host</c>, <c>Invoke-WebRequest</c>, …), a bare <c>$LASTEXITCODE</c>, or a
/// backtick after a blank at the end of a line another line follows (PowerShell's continuation).</item>
/// </list>
/// Reading a job as PowerShell only silences the bash rules, so where the job says Windows the
/// detector takes its word; anything else is read as bash, as GitLab's Linux runners run it.
/// </summary>
public static class JobShellDetector
{
    private static readonly Regex WindowsTag = new(@"(?:^|[^a-z0-9])(?:windows|win[0-9]*|pwsh|powershell)(?:[^a-z]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex WindowsImage = new(@"mcr\.microsoft\.com/(?:windows|dotnet/framework)(?:[/:]|$)|servercore|nanoserver|ltsc20[0-9][0-9]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>PowerShell's line continuation: a backtick after a blank, ending a line another line follows.</summary>
    private static readonly Regex BacktickContinuation = new(@"[ \t]`[ \t]*\r?\n[ \t]*\S", RegexOptions.CultureInvariant);

    private static readonly Regex EnvAssignment = new(@"\A\$env:[A-Za-z_][A-Za-z0-9_]*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>A cmdlet's Verb-Noun name with one of PowerShell's common verbs.</summary>
    private static readonly Regex Cmdlet = new(
        @"\A(?:Write|Set|Get|New|Remove|Invoke|Start|Stop|Copy|Move|Test|Import|Expand|Compress|Out|Select|Where|ForEach|Add|Join|Split|Resolve|ConvertTo|ConvertFrom)-[A-Z][A-Za-z]+\z",
        RegexOptions.CultureInvariant);

    public static JobShell Detect(Job job)
    {
        if (YamlTraversal.ScalarValues(job.Get("tags")).Any(WindowsTag.IsMatch))
        {
            return JobShell.PowerShell;
        }

        var image = job.Get("image") switch
        {
            YamlScalar scalar => scalar.Value,
            YamlMapping mapping => (mapping.Get("name") as YamlScalar)?.Value,
            _ => null,
        };
        if (image is not null && WindowsImage.IsMatch(image))
        {
            return JobShell.PowerShell;
        }

        return job.ScriptLines.Any(IsPowerShell) ? JobShell.PowerShell : JobShell.Posix;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Shell.ShellScript, object> PowerShellLines = new();

    private static readonly object Yes = new();

    private static readonly object No = new();

    /// <summary>Whether a script line can only be PowerShell (one answer per parsed script, which analyses share by content).</summary>
    public static bool IsPowerShell(ScriptLine line)
        => ReferenceEquals(PowerShellLines.GetValue(line.Shell, _ => IsPowerShellUncached(line) ? Yes : No), Yes);

    private static bool IsPowerShellUncached(ScriptLine line)
    {
        var text = line.Text;

        // Cheap scans first: this runs on every script line of every job the bash rules read.
        var backtick = text.IndexOf('`') >= 0;
        var envOrExit = text.IndexOf("$env:", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("LASTEXITCODE", StringComparison.OrdinalIgnoreCase) >= 0;
        if (!backtick && !envOrExit && !HasDashBeforeCapital(text))
        {
            return false;
        }

        var script = line.Shell;
        if (backtick && BacktickContinuation.IsMatch(WithoutHereDocuments(text, script)))
        {
            return true;
        }

        foreach (var command in script.Commands)
        {
            if (command.Words.Length == 0)
            {
                continue;
            }

            var first = command.Words[0];
            if (first.RawText.StartsWith("$env:", StringComparison.OrdinalIgnoreCase)
                && (EnvAssignment.IsMatch(first.RawText) || (command.Words.Length > 1 && command.Words[1].RawText.StartsWith("=", StringComparison.Ordinal))))
            {
                return true;
            }

            if (first.LiteralValue is { } name && Cmdlet.IsMatch(name))
            {
                return true;
            }
        }

        return envOrExit && script.Variables.Any(v => v.Name.Equals("LASTEXITCODE", StringComparison.OrdinalIgnoreCase) && !v.InDoubleQuotes);
    }

    /// <summary>The text with here-document bodies blanked: a PowerShell script a bash job writes to a file is data.</summary>
    private static string WithoutHereDocuments(string text, Shell.ShellScript script)
    {
        var bodies = script.Commands.SelectMany(c => c.Redirections).Where(r => r.HereDocument is not null).Select(r => r.HereDocument!).ToList();
        if (bodies.Count == 0)
        {
            return text;
        }

        var chars = text.ToCharArray();
        foreach (var body in bodies)
        {
            for (var i = Math.Max(0, body.Start); i < Math.Min(chars.Length, body.End); i++)
            {
                chars[i] = chars[i] == '\n' ? '\n' : ' ';
            }
        }

        return new string(chars);
    }

    /// <summary>A '-' followed by a capital letter, as in every cmdlet's Verb-Noun name.</summary>
    private static bool HasDashBeforeCapital(string text)
    {
        for (var i = text.IndexOf('-'); i >= 0 && i + 1 < text.Length; i = text.IndexOf('-', i + 1))
        {
            if (text[i + 1] is >= 'A' and <= 'Z')
            {
                return true;
            }
        }

        return false;
    }
}
