using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Shell;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// CIOL009: in a folded (<c>&gt;</c>) script item, YAML keeps the line break before and after
/// a line indented more than the first one. A command continued on such a line is cut in two:
/// the shell runs the indented part (<c>--data …</c>) as a command of its own. GitLab's
/// <c>script.md</c> shows this with a broken <c>curl</c>.
/// </summary>
public sealed class FoldedScriptKeepsNewlineRule : IJobRule
{
    public static readonly DiagnosticDescriptor Rule = RuleCatalog.Describe(
        "CIOL009",
        "Folded script keeps newline",
        "This line is indented more than the first line of the folded ('>') block, so YAML keeps the line break before it and the shell runs '{0}' as a command of its own ({1})",
        DiagnosticSeverity.Warning,
        "YAML folds line breaks into spaces only between lines of equal indentation; a more-indented line keeps its breaks.");

    /// <summary>Words after which the shell accepts a line break inside a command list.</summary>
    private static readonly ImmutableHashSet<string> OpeningWords = ImmutableHashSet.Create(System.StringComparer.Ordinal, "then", "do", "else", "in");

    private static readonly string[] OpeningOperators = { "\\", ";", "|", "&&", "||", "{", "(" };

    public DiagnosticDescriptor Descriptor => Rule;

    public string Name => "folded-script-keeps-newline";

    public bool NeedsJobContext => false;

    public void AnalyzeJob(JobContext context)
    {
        // A bash rule: a PowerShell job (a Windows runner) reads its lines by other rules.
        if (context.Job.Shell == JobShell.PowerShell)
        {
            return;
        }

        foreach (var node in context.Job.ScriptLines.Select(l => l.Node).Where(n => n.Style == ScalarStyle.Folded).Distinct())
        {
            Check(node, context);
        }
    }

    private static void Check(YamlScalar node, JobContext context)
    {
        var text = node.File.Text;
        var indicatorLine = text.Lines.GetLineFromPosition(node.ContentStart);
        var indicator = text.ToString(TextSpan.FromBounds(node.ContentStart, indicatorLine.End)).Split('#')[0].Trim();
        if (indicator.Any(char.IsDigit))
        {
            // An explicit indentation indicator: rare, and the base indentation is not the first line's.
            return;
        }

        var end = SourceLayout.ContentEnd(text, node);
        var lines = new List<TextLine>();
        for (var n = indicatorLine.LineNumber + 1; n < text.Lines.Count && text.Lines[n].Start <= end; n++)
        {
            lines.Add(text.Lines[n]);
        }

        var contentLines = lines.Where(l => !IsBlank(text, l)).ToList();
        if (contentLines.Count < 2)
        {
            return;
        }

        var baseIndent = Indent(text, contentLines[0]);
        for (var i = 1; i < lines.Count; i++)
        {
            var line = lines[i];
            if (IsBlank(text, line) || Indent(text, line) <= baseIndent || IsBlank(text, lines[i - 1]) || Indent(text, lines[i - 1]) > baseIndent)
            {
                continue;
            }

            // The start of a run of more-indented lines: is the break before it one the shell accepts?
            var run = lines.Skip(i).TakeWhile(l => !IsBlank(text, l) && Indent(text, l) > baseIndent).ToList();
            if (BreakIsHarmless(node, text, lines[i - 1], line))
            {
                continue;
            }

            var first = line.Start + Indent(text, line);
            var word = text.ToString(TextSpan.FromBounds(first, line.End)).Split(' ', '\t')[0];
            var baseWhitespace = text.ToString(new TextSpan(contentLines[0].Start, baseIndent));
            var changes = run.Select(l => new TextChange(new TextSpan(l.Start, Indent(text, l)), baseWhitespace)).ToArray();
            var fix = CodeFixes.InFile("Indent the continued lines like the first line", true, node.File.Path, changes);
            context.Report(new SourceLocation(node.File, TextSpan.FromBounds(first, line.End)), ImmutableArray.Create(fix), word);
        }
    }

    private static bool BreakIsHarmless(YamlScalar node, SourceText text, TextLine previous, TextLine line)
    {
        var before = text.ToString(previous.Span).Trim();
        if (before.StartsWith("#", System.StringComparison.Ordinal) || OpeningOperators.Any(o => before.EndsWith(o, System.StringComparison.Ordinal)))
        {
            return true;
        }

        var lastWord = before.Split(' ', '\t').Last();
        if (OpeningWords.Contains(lastWord))
        {
            return true;
        }

        // Inside quotes a line break is just a character; inside an open $( … ) it ends a command too.
        var valueEnd = ValueOffsetAt(node, line.Start);
        if (valueEnd <= 0)
        {
            return false;
        }

        var prefix = node.Value.Substring(0, valueEnd);
        return !ShellParser.Parse(prefix).IsComplete
            && (ShellParser.Parse(prefix + "\"").IsComplete || ShellParser.Parse(prefix + "'").IsComplete);
    }

    /// <summary>The first value offset whose source position is at or after <paramref name="position"/>.</summary>
    private static int ValueOffsetAt(YamlScalar node, int position)
    {
        var low = 0;
        var high = node.Value.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (node.MapToSource(mid) < position)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private static bool IsBlank(SourceText text, TextLine line) => text.ToString(line.Span).Trim().Length == 0;

    private static int Indent(SourceText text, TextLine line)
    {
        var i = line.Start;
        while (i < line.End && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i - line.Start;
    }
}
