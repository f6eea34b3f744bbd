using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.LanguageServer.Features;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;
using CiOidcLint.Analysis.Engine;

namespace CiOidcLint.LanguageServer.Handlers.CodeActions;

/// <summary>
/// <c>textDocument/codeAction</c>: for each finding in the range, its catalog fixes (quick fixes,
/// the preferred one marked), "Ignore CIOLxxx on this line" and "Set CIOLxxx severity in
/// .editorconfig"; and <c>source.fixAll.cioidclint</c> for the whole file. Edits are computed
/// eagerly: they are small text changes, cheaper to send than a resolve round trip.
/// </summary>
public sealed class CodeActionHandler : RequestHandler<CodeActionParams, IReadOnlyList<CodeAction>>
{
    public const string FixAllTitle = "Fix all cioidclint findings in the file";

    public override string Method => "textDocument/codeAction";

    public override async Task<IReadOnlyList<CodeAction>?> HandleAsync(CodeActionParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var snapshot = context.Snapshot;
        var features = context.State.Features;
        var actions = new List<CodeAction>();
        if (snapshot.PathOf(request.TextDocument.Uri) is not { } path)
        {
            return actions;
        }

        var analysis = await snapshot.GetAnalysisAsync(cancellationToken).ConfigureAwait(false);
        var only = request.Context.Only;
        if (Wanted(CodeActionKind.QuickFix, only))
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var finding in analysis.FindingsIn(path).Where(f => Overlaps(f, request.Range)))
            {
                var diagnostic = DiagnosticFactory.Create(finding, snapshot, features);
                var fixes = finding.Finding.Fixes.AsEnumerable();
                if (SuppressionFix.Create(finding.Finding) is { } suppression)
                {
                    fixes = fixes.Append(suppression);
                }

                foreach (var fix in fixes)
                {
                    if (WorkspaceEditBuilder.Build(fix.Changes, p => analysis.GetFile(p)?.Text, snapshot, features) is { } edit && seen.Add(fix.Title + "\n" + finding.Finding.Location.Span))
                    {
                        actions.Add(new CodeAction
                        {
                            Title = fix.Title,
                            Kind = CodeActionKind.QuickFix,
                            Diagnostics = new[] { diagnostic },
                            IsPreferred = fix.IsPreferred && features.IsPreferred ? true : null,
                            Edit = edit,
                        });
                    }
                }

                if (seen.Add("editorconfig\n" + finding.Finding.Id) && EditorConfigSeverity.CreateEdit(finding.Finding.Id, snapshot, features) is { } severityEdit)
                {
                    actions.Add(new CodeAction
                    {
                        Title = EditorConfigSeverity.Title(finding.Finding.Id),
                        Kind = CodeActionKind.QuickFix,
                        Diagnostics = new[] { diagnostic },
                        Edit = severityEdit,
                    });
                }
            }
        }

        if (Wanted(CodeActionKind.SourceFixAllCiOidcLint, only)
            && FixAll.Compute(snapshot, analysis, path, cancellationToken) is { } fixedText)
        {
            var change = FixAll.Difference(fixedText.Original, fixedText.Fixed);
            actions.Add(new CodeAction
            {
                Title = FixAllTitle,
                Kind = CodeActionKind.SourceFixAllCiOidcLint,
                Edit = WorkspaceEditBuilder.Create(
                    new[] { (path, new List<TextEdit> { new TextEdit { Range = DiagnosticFactory.ToRange(fixedText.Original, change.Span), NewText = change.NewText ?? string.Empty } }) },
                    snapshot,
                    features),
            });
        }

        return actions;
    }

    /// <summary>A kind is wanted when nothing is asked for, or when it is an asked kind or below one (<c>source</c> covers <c>source.fixAll.cioidclint</c>).</summary>
    private static bool Wanted(string kind, IReadOnlyList<string>? only)
        => only is null || only.Count == 0 || only.Any(o => kind == o || kind.StartsWith(o + ".", StringComparison.Ordinal));

    private static bool Overlaps(AnalyzedFinding finding, Protocol.Range range)
    {
        var span = finding.Finding.Location.LineSpan;
        var start = (span.Start.Line, span.Start.Character);
        var end = (span.End.Line, span.End.Character);
        return start.CompareTo((range.End.Line, range.End.Character)) <= 0 && (range.Start.Line, range.Start.Character).CompareTo(end) <= 0;
    }
}
