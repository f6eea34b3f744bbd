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
/// <item>a tag naming Windows: <c>windows</c>, <c>saas-windows-medium-amd64</c>, <c>windows-2022</c>
/// (GitLab routes the job to a Windows runner, whose default shell is PowerShell);</item>
/// <item>a Windows image: "windows" as a word of it (<c>mcr.microsoft.com/windows/servercore</c>),
/// or <c>servercore</c>, <c>nanoserver</c> or <c>ltsc2022</c> in its name or tag;</item>
/// <item>a script line that can only be PowerShell: <c>$env:NAME =</c>, a backtick at the end of a
/// line (PowerShell's continuation), <c>$LASTEXITCODE</c>, or a cmdlet (<c>Write-Host</c>,
/// <c>Invoke-WebRequest</c>, …) as a command.</item>
/// </list>
/// A tag or image written as a variable counts when its name says Windows
/// (<c>$WINDOWS_BUILD_TAG</c>): reading such a job as PowerShell only silences the bash rules,
/// which is the side to err on. Anything else is read as bash, as GitLab's Linux runners do.
/// </summary>
public static class JobShellDetector
{
    /// <summary>"windows" as a word of a tag: <c>windows</c>, <c>saas-windows-medium-amd64</c>, <c>windows_2019</c>, not <c>nowindows</c>.</summary>
    private static readonly Regex WindowsTag = new(@"(?:^|[^a-z0-9])windows(?:[^a-z]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static readonly Regex WindowsImage = new(@"(?:^|[^a-z0-9])windows(?:[^a-z]|$)|servercore|nanoserver|ltsc20[0-9][0-9]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// Constructs bash has no use for: an environment assignment, the exit-code variable, and a
    /// backtick after a blank that ends a line another line follows (PowerShell's continuation;
    /// bash's legacy <c>`cmd`</c> ending a line has no blank before its closing backtick).
    /// </summary>
    private static readonly Regex PowerShellOnly = new(
        @"\$env:[A-Za-z_][A-Za-z0-9_]*\s*=(?!=)|\$LASTEXITCODE\b|[ \t]`[ \t]*\r?\n[ \t]*\S",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline);

    /// <summary>A cmdlet run as a command, at the start of a line or after a pipe, '&amp;' or ';'.</summary>
    private static readonly Regex Cmdlet = new(
        @"(?:^|[|;&]\s*)(?:Write|Set|Get|New|Remove|Invoke|Start|Stop|Copy|Move|Test|Import|Expand|Compress|Out|Select|Where|ForEach|Add|Join|Split|Resolve|ConvertTo|ConvertFrom)-[A-Z][A-Za-z]+\b",
        RegexOptions.CultureInvariant | RegexOptions.Multiline);

    public static JobShell Detect(Job job)
    {
        if (Strings(job.Get("tags")).Any(WindowsTag.IsMatch))
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

        return job.ScriptLines.Any(line => IsPowerShellText(line.Text)) ? JobShell.PowerShell : JobShell.Posix;
    }

    /// <summary>Whether a script's text can only be PowerShell.</summary>
    public static bool IsPowerShellText(string text)
    {
        // Cheap scans first: this runs on every script line of every job the bash rules read.
        var mayBeOnly = text.IndexOf('`') >= 0
            || text.IndexOf("$env:", StringComparison.OrdinalIgnoreCase) >= 0
            || text.IndexOf("LASTEXITCODE", StringComparison.OrdinalIgnoreCase) >= 0;
        if (mayBeOnly && PowerShellOnly.IsMatch(text))
        {
            return true;
        }

        return HasDashBeforeCapital(text) && Cmdlet.IsMatch(text);
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

    private static System.Collections.Generic.IEnumerable<string> Strings(YamlNode? node) => node switch
    {
        YamlScalar scalar => new[] { scalar.Value },
        YamlSequence sequence => sequence.Items.OfType<YamlScalar>().Select(s => s.Value),
        _ => Array.Empty<string>(),
    };
}
