using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Fixes;

/// <summary>Edits shared by the fixes that give a job an ID token or point a secret at one.</summary>
internal static class IdTokenFixes
{
    /// <summary>The name GitLab's own documentation gives a general-purpose ID token.</summary>
    public const string NewTokenName = "GITLAB_OIDC_TOKEN";

    /// <summary>GitLab's own address: what a Vault role or cloud trust set up for "GitLab" expects.</summary>
    public const string NewTokenAud = "$CI_SERVER_URL";

    /// <summary>
    /// Adds <c>NAME: {aud: $CI_SERVER_URL}</c> to the <c>id_tokens</c> of the job, template or
    /// <c>default:</c> written around <paramref name="position"/>. A job's <c>id_tokens</c>
    /// replaces <c>default:id_tokens</c> as a whole, so when <paramref name="job"/>'s tokens came
    /// from <c>default:</c> (or from a merge key), they are copied into the new <c>id_tokens</c> too.
    /// A place the job reaches through <c>!reference</c> gets nothing: the token goes into the job.
    /// </summary>
    public static TextChange? AddToken(Job job, SyntaxFile file, int position, string name)
    {
        if (YamlEdits.HolderOf(file, position) is not { Value: YamlMapping holder } holderEntry)
        {
            return null;
        }

        if (holderEntry.Name != job.Name && holderEntry.Name != "default" && !job.Bases.Contains(holderEntry.Name))
        {
            // The place reaches the job through !reference, not extends: a token written there
            // would not be the job's. It goes into the job itself, when that is in this file.
            if (job.Declaration.Value is not YamlMapping own || own.File != file)
            {
                return null;
            }

            holder = own;
            holderEntry = job.Declaration;
        }

        var token = new List<SnippetLine> { new(0, name + ":"), new(1, "aud: " + NewTokenAud) };
        if (holder.WrittenEntries.LastOrDefault(e => e.Name == "id_tokens") is { } written)
        {
            return written.Value switch
            {
                YamlMapping tokens => YamlEdits.InsertFirst(file, tokens, token),
                YamlScalar { IsNull: true } => YamlEdits.FillEmptyValue(file, written, token),
                _ => null,
            };
        }

        var lines = new List<SnippetLine> { new(0, "id_tokens:") };
        lines.AddRange(token.Select(l => l with { Depth = l.Depth + 1 }));
        // A written id_tokens replaces what the job had from default: as a whole, and what a
        // merge key '<<' brought into this mapping too (the merge is shallow): both are copied.
        var replaced = holder.Get("id_tokens") is YamlMapping merged
            ? merged.Entries
            : holderEntry.Name != "default" && job.IdTokens.Length > 0 && job.IdTokens.All(t => t.IsFromDefault)
                ? job.IdTokens.Select(t => t.Entry).ToImmutableArray()
                : ImmutableArray<YamlEntry>.Empty;
        foreach (var inherited in replaced)
        {
            if (YamlEdits.Copy(inherited, 1, file) is not { } copy)
            {
                return null;
            }

            lines.AddRange(copy);
        }

        return YamlEdits.InsertFirst(file, holder, lines);
    }

    /// <summary>Inserts <c>token: $NAME</c> as the first key of a secret written as a block mapping.</summary>
    public static TextChange? AddSecretToken(Secret secret, string tokenName)
        => secret.Mapping is { } mapping
            ? YamlEdits.InsertFirst(mapping.File, mapping, new[] { new SnippetLine(0, "token: $" + tokenName) })
            : null;
}

/// <summary>Fixes that need a choice of token: one per ID token of the job, none preferred.</summary>
internal static class TokenChoiceFixes
{
    public static string Title(string token) => $"Use ID token '{token}'";

    /// <summary>One fix per token, each inserting <c>token: $NAME</c> into the secret.</summary>
    public static System.Collections.Immutable.ImmutableArray<CodeFix> InsertSecretToken(Secret secret, IEnumerable<IdToken> tokens)
        => tokens.Select(t => t.Name).Distinct(System.StringComparer.Ordinal)
            .Select(name => IdTokenFixes.AddSecretToken(secret, name) is { } change ? CodeFixes.InFile(Title(name), false, secret.Mapping!.File.Path, change) : null)
            .Where(f => f is not null)
            .Select(f => f!)
            .ToImmutableArray();

    /// <summary>One fix per token, each replacing <paramref name="span"/> with <paramref name="format"/> applied to the token's name.</summary>
    public static System.Collections.Immutable.ImmutableArray<CodeFix> Replace(SyntaxFile file, TextSpan span, IEnumerable<IdToken> tokens, System.Func<string, string> format)
        => tokens.Select(t => t.Name).Distinct(System.StringComparer.Ordinal)
            .Select(name => CodeFixes.InFile(Title(name), false, file.Path, new TextChange(span, format(name))))
            .ToImmutableArray();
}
