using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.LanguageServer.Features;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.LanguageServer.Handlers.Navigation;

/// <summary>
/// <c>textDocument/completion</c>: the job's ID token names after <c>$</c> (in <c>token: $</c> and
/// in scripts); <c>aud</c> inside an ID token; <c>token</c> and the provider keys inside a secret.
/// Keys are found by indentation, so completion works in the half-typed YAML it is asked about.
/// </summary>
public sealed class CompletionHandler : RequestHandler<TextDocumentPositionParams, CompletionList>
{
    private static readonly Regex AfterDollar = new(@"\$\{?(?<partial>[A-Za-z0-9_]*)$", RegexOptions.CultureInvariant);
    private static readonly Regex KeyStart = new(@"^(?<indent>\s*)(?<partial>[A-Za-z_]*)$", RegexOptions.CultureInvariant);
    private static readonly Regex KeyLine = new(@"^(?<indent>\s*)(?:-\s+)?(?<key>[^\s#:][^:#]*?):(?:\s|$)", RegexOptions.CultureInvariant);

    public override string Method => "textDocument/completion";

    public override async Task<CompletionList?> HandleAsync(TextDocumentPositionParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (await RequestDocument.GetAsync(context.Snapshot, request.TextDocument.Uri, request.Position, cancellationToken).ConfigureAwait(false) is not { } document)
        {
            return null;
        }

        var text = document.Text;
        var line = text.Lines.GetLineFromPosition(document.Offset);
        var before = text.ToString(TextSpan.FromBounds(line.Start, document.Offset));
        var items = new List<CompletionItem>();

        if (AfterDollar.Match(before) is { Success: true } dollar)
        {
            var partial = dollar.Groups["partial"];
            var replace = new TextSpan(line.Start + partial.Index, partial.Length);
            var jobs = PipelineNavigator.JobsAt(document.Analysis, document.File, document.Offset).ToList();
            var names = jobs.SelectMany(j => j.IdTokens).Select(t => t.Name).Distinct(StringComparer.Ordinal).ToList();
            if (names.Count == 0)
            {
                names = document.Analysis.PipelinesOf(document.File.Path).SelectMany(p => p.Pipeline.Jobs).SelectMany(j => j.IdTokens).Select(t => t.Name).Distinct(StringComparer.Ordinal).ToList();
            }

            items.AddRange(names.OrderBy(n => n, StringComparer.Ordinal).Select(name => new CompletionItem
            {
                Label = name,
                Kind = CompletionItemKind.Variable,
                Detail = "ID token",
                TextEdit = new TextEdit { Range = DiagnosticFactory.ToRange(text, replace), NewText = name },
            }));
        }
        else if (KeyStart.Match(before) is { Success: true } key)
        {
            var indent = key.Groups["indent"].Length;
            var parents = Parents(text, line.LineNumber, indent);
            var partial = key.Groups["partial"];
            var replace = new TextSpan(line.Start + partial.Index, partial.Length);
            IEnumerable<(string Key, string Help)> keys = parents switch
            {
                [_, "id_tokens", ..] => new[] { ("aud", HelpTexts.Aud) },
                [_, "secrets", ..] => new[] { ("token", HelpTexts.Token) }.Concat(GitLabKeywords.SecretProviders.Select(p => (p, $"**{p}** — the secret's provider."))),
                _ => Array.Empty<(string, string)>(),
            };
            items.AddRange(keys.Select(k => new CompletionItem
            {
                Label = k.Key,
                Kind = CompletionItemKind.Property,
                Documentation = new MarkupContent { Value = k.Help },
                TextEdit = new TextEdit { Range = DiagnosticFactory.ToRange(text, replace), NewText = k.Key + ": " },
            }));
        }

        return new CompletionList { IsIncomplete = false, Items = items };
    }

    /// <summary>The keys above a line by indentation, nearest first: <c>[DB_PASSWORD, secrets, deploy]</c>.</summary>
    private static List<string> Parents(SourceText text, int lineNumber, int indent)
    {
        var parents = new List<string>();
        for (var n = lineNumber - 1; n >= 0 && indent > 0; n--)
        {
            var match = KeyLine.Match(text.ToString(text.Lines[n].Span));
            if (match.Success && match.Groups["indent"].Length < indent)
            {
                parents.Add(match.Groups["key"].Value.Trim().Trim('"', '\''));
                indent = match.Groups["indent"].Length;
            }
        }

        return parents;
    }
}
