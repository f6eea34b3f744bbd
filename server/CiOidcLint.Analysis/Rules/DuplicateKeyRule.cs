using System.Linq;
using Microsoft.CodeAnalysis.Text;
using System.Collections.Generic;
using System.Collections.Immutable;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Rules;

/// <summary>CIOL016: a key written twice in one mapping; GitLab keeps the last, so the first is silently lost.</summary>
public sealed class DuplicateKeyRule : IFileRule
{
    public static readonly DiagnosticDescriptor Rule = RuleCatalog.Describe(
        "CIOL016",
        "Duplicate key",
        "The key '{0}' is written again on line {1} of the same mapping, and GitLab keeps only the last value, so this one is lost",
        DiagnosticSeverity.Warning,
        "GitLab loads YAML with Ruby, which keeps the last of two equal keys without a word; the first one's content never runs.");

    public DiagnosticDescriptor Descriptor => Rule;

    public string Name => "duplicate-key";

    public void AnalyzeFile(FileContext context)
    {
        foreach (var problem in context.File.Problems)
        {
            if (problem.Kind == SyntaxProblemKind.DuplicateKey && problem.RelatedSpan is { } winner)
            {
                var key = problem.KeyName ?? context.File.Text.ToString(problem.Span);
                var line = context.File.Text.Lines.GetLinePosition(winner.Start).Line + 1;
                var fixes = FindEntry(context.File, problem.Span) is { } entry && YamlEdits.DeleteLines(entry) is { } delete
                    ? ImmutableArray.Create(CodeFixes.InFile($"Remove the first '{key}'", false, context.File.Path, delete))
                    : ImmutableArray<CodeFix>.Empty;
                context.Report(new SourceLocation(context.File, problem.Span), fixes, key, line);
            }
        }
    }

    /// <summary>The written entry whose key is at <paramref name="keySpan"/>.</summary>
    private static YamlEntry? FindEntry(SyntaxFile file, TextSpan keySpan)
        => file.Root is { } root
            ? YamlTraversal.Written(root).OfType<YamlMapping>().SelectMany(m => m.WrittenEntries).FirstOrDefault(e => e.Key.Span == keySpan)
            : null;
}
