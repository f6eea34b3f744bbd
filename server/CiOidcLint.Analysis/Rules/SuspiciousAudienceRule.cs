using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// CIOL012: an <c>aud</c> that the cloud or Vault side is unlikely to be bound to. AWS wants the
/// GitLab URL with <c>https://</c> and no trailing slash, Azure an exact match (AADSTS700212),
/// Vault 1.17+ a <c>bound_audiences</c> match; a documentation placeholder host is never a real
/// role's audience. Values with a variable or an input are not judged: GitLab expands them
/// per job (16.1+) and their text is not known here.
/// </summary>
public sealed class SuspiciousAudienceRule : IJobRule
{
    public static readonly DiagnosticDescriptor Rule = RuleCatalog.Describe(
        "CIOL012",
        "Suspicious audience",
        "The audience '{0}' of ID token '{1}' {2}, so it is unlikely to be the audience the cloud or Vault role is bound to and the login fails ({3})",
        DiagnosticSeverity.Warning,
        "The token's aud claim must equal the audience the cloud or Vault role expects; a trailing slash, http://, whitespace or a documentation placeholder host almost never does.");

    private const int ShownLength = 80;

    private static readonly Regex Variable = new(@"\$(?:[A-Za-z_{]|\[\[)", RegexOptions.CultureInvariant);

    private static readonly string[] PlaceholderDomains = { "example.com", "example.org", "example.net" };

    public DiagnosticDescriptor Descriptor => Rule;

    public string Name => "suspicious-audience";

    public bool NeedsJobContext => false;

    public void AnalyzeJob(JobContext context)
    {
        foreach (var token in context.Job.IdTokens)
        {
            switch (token.Aud)
            {
                case YamlScalar scalar:
                    Check(token.Name, scalar, context);
                    break;
                case YamlSequence { IsReference: false } list:
                    foreach (var item in list.Items.OfType<YamlScalar>())
                    {
                        Check(token.Name, item, context);
                    }

                    break;
            }
        }
    }

    private static void Check(string token, YamlScalar aud, JobContext context)
    {
        var value = aud.Value;

        // Not strings (CIOL008), empty (CIOL002), or known only once GitLab expands them.
        if (aud.IsReference || !YamlValueKinds.IsString(aud) || value.Trim().Length == 0 || Variable.IsMatch(value))
        {
            return;
        }

        var start = 0;
        while (char.IsWhiteSpace(value[start]))
        {
            start++;
        }

        var end = value.Length;
        while (char.IsWhiteSpace(value[end - 1]))
        {
            end--;
        }

        var trimmed = value.Substring(start, end - start);
        var reasons = new List<string>();
        var fixes = new List<(string Title, TextChange Change)>();

        var http = trimmed.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        if (http)
        {
            reasons.Add("uses http:// instead of https://");
            var s = char.IsUpper(trimmed[3]) ? "S" : "s";
            fixes.Add(("use https", new TextChange(new TextSpan(aud.MapToSource(start + 4), 0), s)));
        }

        var slashes = TrailingSlashes(trimmed);
        if (slashes > 0)
        {
            reasons.Add("ends with '/'");
            fixes.Add(("remove the trailing slash", Removal(aud, end - slashes, end)));
        }

        var surrounding = start > 0 || end < value.Length;
        var inside = trimmed.Any(char.IsWhiteSpace);
        if (surrounding || inside)
        {
            reasons.Add(inside ? "contains whitespace" : "has whitespace around it");
            if (!inside && CanTrim(aud))
            {
                if (start > 0)
                {
                    fixes.Add(("trim the whitespace", Removal(aud, 0, start)));
                }

                if (end < value.Length)
                {
                    fixes.Add(("trim the whitespace", Removal(aud, end, value.Length)));
                }
            }
        }

        if (PlaceholderHost(trimmed) is { } host)
        {
            reasons.Add($"names the documentation placeholder host '{host}'");
        }

        if (reasons.Count == 0)
        {
            return;
        }

        var offered = ImmutableArray<CodeFix>.Empty;
        if (fixes.Count > 0)
        {
            var title = Sentence(fixes.Select(f => f.Title).Distinct().ToList());
            offered = ImmutableArray.Create(CodeFixes.InFile(title, isPreferred: false, aud.File.Path, fixes.Select(f => f.Change).ToArray()));
        }

        context.Report(aud.Location, offered, Shown(trimmed), token, Sentence(reasons, capitalize: false));
    }

    /// <summary>
    /// Deletes the source text of value characters [from, to). Each end is the place where a
    /// character starts, so an escape (<c>\/</c>, <c>\t</c>) goes as a whole; the value's end
    /// is the closing quote, or the end of a plain or block scalar's text.
    /// </summary>
    private static TextChange Removal(YamlScalar aud, int from, int to)
    {
        int Start(int i) => i < aud.Value.Length
            ? aud.MapToSource(i)
            : aud.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? aud.Span.End - 1 : aud.Span.End;

        return new TextChange(TextSpan.FromBounds(Start(from), Start(to)), string.Empty);
    }

    /// <summary>Slashes at the end of a URL, unless nothing but slashes follows its scheme.</summary>
    private static int TrailingSlashes(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0)
        {
            return 0;
        }

        var count = 0;
        while (count < url.Length && url[url.Length - 1 - count] == '/')
        {
            count++;
        }

        return url.Length - count > scheme + 3 ? count : 0;
    }

    /// <summary>
    /// Whitespace around a quoted value on one line is removed inside the quotes. A plain scalar
    /// cannot have any, and in a block scalar or a quoted value over several lines it comes from
    /// line breaks and indentation, where deleting characters would fold the lines differently.
    /// </summary>
    private static bool CanTrim(YamlScalar aud)
        => aud.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted
           && aud.File.Text.Lines.GetLineFromPosition(aud.Span.Start).LineNumber == aud.File.Text.Lines.GetLineFromPosition(aud.Span.End).LineNumber;

    /// <summary>The host, when it is one of the documentation domains (RFC 2606) or below one.</summary>
    private static string? PlaceholderHost(string value)
    {
        var scheme = value.IndexOf("://", StringComparison.Ordinal);
        var authority = scheme >= 0 ? value.Substring(scheme + 3) : value;
        var stop = authority.IndexOfAny(new[] { '/', '?', '#' });
        if (stop >= 0)
        {
            authority = authority.Substring(0, stop);
        }

        var at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            authority = authority.Substring(at + 1);
        }

        var colon = authority.IndexOf(':');
        var host = (colon >= 0 ? authority.Substring(0, colon) : authority).TrimEnd('.').ToLowerInvariant();
        foreach (var domain in PlaceholderDomains)
        {
            if (host.EndsWith(domain, StringComparison.Ordinal) && (host.Length == domain.Length || host[host.Length - domain.Length - 1] == '.'))
            {
                return host;
            }
        }

        return null;
    }

    private static string Shown(string value)
    {
        var oneLine = Regex.Replace(value, @"\s+", " ");
        return oneLine.Length <= ShownLength ? oneLine : oneLine.Substring(0, ShownLength) + "…";
    }

    /// <summary>"a", "a and b", "a, b and c"; the first letter capitalized for a fix title.</summary>
    private static string Sentence(List<string> parts, bool capitalize = true)
    {
        var text = parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[parts.Count - 1];
        return capitalize ? char.ToUpperInvariant(text[0]) + text.Substring(1) : text;
    }
}
