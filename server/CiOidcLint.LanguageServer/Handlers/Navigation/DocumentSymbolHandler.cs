using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Syntax;
using CiOidcLint.LanguageServer.Features;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.LanguageServer.Handlers.Navigation;

/// <summary><c>textDocument/documentSymbol</c>: jobs, templates and <c>default:</c>, each with the ID tokens and secrets written in it.</summary>
public sealed class DocumentSymbolHandler : RequestHandler<DocumentSymbolParams, IReadOnlyList<DocumentSymbol>>
{
    public override string Method => "textDocument/documentSymbol";

    public override async Task<IReadOnlyList<DocumentSymbol>?> HandleAsync(DocumentSymbolParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (await RequestDocument.GetAsync(context.Snapshot, request.TextDocument.Uri, null, cancellationToken).ConfigureAwait(false) is not { } document
            || document.File.RootMapping is not { } root)
        {
            return new List<DocumentSymbol>();
        }

        var text = document.Text;
        var symbols = new List<DocumentSymbol>();
        foreach (var entry in root.WrittenEntries.Where(e => e.Key.File == document.File))
        {
            var name = entry.Name;
            if (name.Length == 0 || (GitLabKeywords.TopLevel.Contains(name) && name != "default") || entry.Value is not YamlMapping body)
            {
                continue;
            }

            var children = new List<DocumentSymbol>();
            AddEntries(children, text, body.Get("id_tokens") as YamlMapping, SymbolKind.Key, "ID token");
            AddEntries(children, text, body.Get("secrets") as YamlMapping, SymbolKind.Property, "secret");
            symbols.Add(new DocumentSymbol
            {
                Name = name,
                Detail = name == "default" ? "defaults" : GitLabKeywords.IsHidden(name) ? "template" : "job",
                Kind = name == "default" ? SymbolKind.Namespace : GitLabKeywords.IsHidden(name) ? SymbolKind.Class : SymbolKind.Function,
                Range = DiagnosticFactory.ToRange(text, Whole(entry)),
                SelectionRange = DiagnosticFactory.ToRange(text, entry.Key.Span),
                Children = children,
            });
        }

        return symbols;
    }

    private static void AddEntries(List<DocumentSymbol> into, SourceText text, YamlMapping? mapping, int kind, string detail)
    {
        if (mapping is null)
        {
            return;
        }

        foreach (var entry in mapping.WrittenEntries.Where(e => e.Key.File == mapping.File && e.Name.Length > 0))
        {
            into.Add(new DocumentSymbol
            {
                Name = entry.Name,
                Detail = detail,
                Kind = kind,
                Range = DiagnosticFactory.ToRange(text, Whole(entry)),
                SelectionRange = DiagnosticFactory.ToRange(text, entry.Key.Span),
            });
        }
    }

    private static TextSpan Whole(YamlEntry entry)
        => entry.Value.File == entry.Key.File && entry.Value.Span.End > entry.Key.Span.End
            ? TextSpan.FromBounds(entry.Key.Span.Start, entry.Value.Span.End)
            : entry.Key.Span;
}
