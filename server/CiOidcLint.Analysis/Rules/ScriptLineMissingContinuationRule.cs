using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Shell;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// CIOL010: a literal (<c>|</c>) block keeps every line break, so a command written over several
/// lines needs a trailing <c>\</c>. Without it the next line (<c>--role-arn …</c>, <c>| jq …</c>)
/// runs as a command of its own: the first command runs without its options, the second fails.
/// </summary>
public sealed class ScriptLineMissingContinuationRule : IJobRule
{
    public static readonly DiagnosticDescriptor Rule = RuleCatalog.Describe(
        "CIOL010",
        "Script line missing continuation",
        "This line ends without '\\', so the shell runs it without the next line, and then '{0}' as a command of its own ({1})",
        DiagnosticSeverity.Warning,
        "In a literal block every line break ends a command unless the line ends with a backslash.");

    /// <summary>A line that can only continue the one before: an option, or a pipe or and-or operator.</summary>
    private static readonly Regex Continuation = new(@"^(?:--?[A-Za-z0-9][^\s)]*(?:\s|=|$)|\|(?!\|)|\|\||&&)", RegexOptions.CultureInvariant);

    /// <summary>Endings after which a new line starts a new command on purpose.</summary>
    private static readonly string[] Endings = { "\\", ";", "|", "&&", "||", "&", "{", "(", ";;" };

    private static readonly ImmutableHashSet<string> EndingWords = ImmutableHashSet.Create(System.StringComparer.Ordinal, "then", "do", "else", "in", "esac", "fi", "done");

    private const int MaxCandidates = 200;

    public DiagnosticDescriptor Descriptor => Rule;

    public string Name => "script-line-missing-continuation";

    public bool NeedsJobContext => false;

    public void AnalyzeJob(JobContext context)
    {
        // A bash rule: a PowerShell job (a Windows runner) reads its lines by other rules.
        if (context.Job.Shell == JobShell.PowerShell)
        {
            return;
        }

        foreach (var node in context.Job.ScriptLines.Select(l => l.Node).Where(n => n.Style == ScalarStyle.Literal).Distinct())
        {
            Check(node, context);
        }
    }

    private static void Check(YamlScalar node, JobContext context)
    {
        var value = node.Value;
        var lines = value.Split('\n');
        var offset = 0;
        var candidates = 0;
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            var line = lines[i];
            var lineStart = offset;
            offset += line.Length + 1;
            var current = line.Trim();
            var next = lines[i + 1].TrimStart();
            var match = Continuation.Match(next);

            // "\ " at the end escapes the blank, not the line break: the next line is a command.
            var blankAfterBackslash = EndsInEscape(current) && !line.TrimEnd('\r').EndsWith("\\", System.StringComparison.Ordinal);
            if (current.Length == 0 || current.StartsWith("#", System.StringComparison.Ordinal) || !match.Success || (EndsCommand(current) && !blankAfterBackslash))
            {
                continue;
            }

            if (++candidates > MaxCandidates)
            {
                return;
            }

            // Inside quotes or a here-document the next line is data, not a command. Inside an
            // open '$(' or '(' it is a command: the parse is complete once a ')' closes it.
            var prefix = value.Substring(0, offset);
            var before = ShellParser.Parse(prefix);
            if ((!before.IsComplete && !(ShellParser.Parse(prefix + ")").IsComplete && !InsideArray(prefix))) || InsideHereDocument(before, lineStart))
            {
                continue;
            }

            var contentStart = lineStart + (line.Length - line.TrimStart().Length);
            var contentEnd = lineStart + line.TrimEnd().Length;
            var span = node.MapToSource(contentStart, contentEnd - contentStart);
            var word = next.Split(' ', '\t')[0];
            var fixes = before.Comments.Any(c => c.Start >= lineStart && c.Start < offset)
                ? ImmutableArray<CodeFix>.Empty
                : blankAfterBackslash
                    ? ImmutableArray.Create(CodeFixes.InFile("Remove the blank after '\\'", true, node.File.Path, new TextChange(TextSpan.FromBounds(span.End, node.MapToSource(lineStart + line.TrimEnd('\r').Length - 1) + 1), string.Empty)))
                    : ImmutableArray.Create(CodeFixes.InFile("Continue the line with '\\'", true, node.File.Path, new TextChange(new TextSpan(span.End, 0), " \\")));
            context.Report(new SourceLocation(node.File, span), fixes, word);
        }
    }

    private static bool EndsCommand(string line)
    {
        if (line.EndsWith("\\", System.StringComparison.Ordinal))
        {
            // "\" continues the line; "\\" is an escaped backslash and does not.
            return EndsInEscape(line);
        }

        if (Endings.Any(e => line.EndsWith(e, System.StringComparison.Ordinal)))
        {
            return true;
        }

        return EndingWords.Contains(line.Split(' ', '\t').Last());
    }

    /// <summary>Whether the line starting at <paramref name="lineStart"/> is the body of a here-document.</summary>
    private static bool InsideHereDocument(ShellScript script, int lineStart)
        => script.Commands.SelectMany(c => c.Redirections)
            .Any(r => r.HereDocument is { } body && lineStart >= body.Start && lineStart < body.End);

    /// <summary>Whether the text ends in an odd run of backslashes: its last one escapes what follows.</summary>
    private static bool EndsInEscape(string text)
    {
        var run = 0;
        for (var i = text.Length - 1; i >= 0 && text[i] == '\\'; i--)
        {
            run++;
        }

        return run % 2 == 1;
    }

    /// <summary>
    /// Whether the innermost '(' still open at the end of <paramref name="text"/> opens an array
    /// (<c>ARGS=(</c>), whose line breaks separate items, rather than <c>$(</c> or a subshell,
    /// whose line breaks end commands. Quoted text is skipped.
    /// </summary>
    private static bool InsideArray(string text)
    {
        var open = new System.Collections.Generic.Stack<int>();
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else if (c == '\\' && quote == '"')
                {
                    i++;
                }

                continue;
            }

            switch (c)
            {
                case '\\':
                    i++;
                    break;
                case '\'' or '"':
                    quote = c;
                    break;
                case '(':
                    open.Push(i);
                    break;
                case ')' when open.Count > 0:
                    open.Pop();
                    break;
            }
        }

        return open.Count > 0 && open.Peek() > 0 && text[open.Peek() - 1] == '=';
    }
}
