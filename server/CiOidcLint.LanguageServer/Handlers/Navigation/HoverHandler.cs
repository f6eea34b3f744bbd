using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Rules;
using CiOidcLint.LanguageServer.Features;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.LanguageServer.Handlers.Navigation;

/// <summary>
/// <c>textDocument/hover</c>: a finding under the cursor (rule, message, why, help link); the
/// keys <c>id_tokens</c>, <c>aud</c>, <c>secrets</c>, <c>token</c>; and <c>$CI_JOB_JWT*</c>.
/// </summary>
public sealed class HoverHandler : RequestHandler<TextDocumentPositionParams, Hover>
{
    private static readonly Regex JobJwt = new(@"(?:\$\{?|%|\$env:)(?<name>CI_JOB_JWT(?:_V1|_V2)?)\b\}?%?", RegexOptions.CultureInvariant);

    public override string Method => "textDocument/hover";

    public override async Task<Hover?> HandleAsync(TextDocumentPositionParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (await RequestDocument.GetAsync(context.Snapshot, request.TextDocument.Uri, request.Position, cancellationToken).ConfigureAwait(false) is not { } document)
        {
            return null;
        }

        var offset = document.Offset;
        var parts = new List<string>();
        TextSpan? range = null;
        foreach (var finding in document.Analysis.FindingsIn(document.File.Path).Where(f => f.Finding.Location.Span.Start <= offset && offset <= f.Finding.Location.Span.End))
        {
            var descriptor = finding.Finding.Diagnostic.Descriptor;
            parts.Add($"**{finding.Finding.Id}** {descriptor.Title.ToString(CultureInfo.InvariantCulture)}\n\n{finding.Finding.Message}\n\n{descriptor.Description.ToString(CultureInfo.InvariantCulture)}\n\n[{finding.Finding.Id} help]({RuleCatalog.HelpLink(finding.Finding.Id, context.Snapshot.Settings.HelpBaseUri)})");
            range ??= finding.Finding.Location.Span;
        }

        var line = document.Text.Lines.GetLineFromPosition(offset);
        foreach (Match match in JobJwt.Matches(document.Text.ToString(line.Span)))
        {
            var span = new TextSpan(line.Start + match.Index, match.Length);
            if (span.Start <= offset && offset <= span.End)
            {
                parts.Add(string.Format(CultureInfo.InvariantCulture, HelpTexts.JobJwt, match.Groups["name"].Value));
                range ??= span;
            }
        }

        var found = NodePath.Find(document.File, offset);
        if (found is { IsKey: true } path && KeyHelp(path) is { } help)
        {
            parts.Add(help);
            range ??= path.Node.Span;
        }

        if (found is { IsKey: true } tokenPath && tokenPath.KeyFromEnd(1) == "id_tokens" && TokenHover(document, tokenPath) is { } token)
        {
            parts.Add(token);
            range ??= tokenPath.Node.Span;
        }

        if (found is { IsKey: true, Steps.Length: 1 } jobPath && JobHover(document, jobPath) is { } job)
        {
            parts.Add(job);
            range ??= jobPath.Node.Span;
        }

        if (found is { IsKey: false, Node: CiOidcLint.Analysis.Syntax.YamlScalar value } valuePath
            && valuePath.KeyFromEnd(0) == "token" && valuePath.KeyFromEnd(2) == "secrets"
            && SecretTokenHover(document, valuePath, value) is { } secretToken)
        {
            parts.Add(secretToken);
            range ??= value.Span;
        }

        if (found is { IsKey: false, Node: CiOidcLint.Analysis.Syntax.YamlScalar brought } broughtPath && BroughtContent(document, broughtPath, brought) is { } content)
        {
            parts.Add(content);
            range ??= brought.Span;
        }

        if (found is { IsKey: false } scriptPath && !(scriptPath.KeyFromEnd(0) == "token" && scriptPath.KeyFromEnd(2) == "secrets")
            && PipelineNavigator.ReferenceAt(scriptPath, offset) is { } reference
            && VariableHover(document, reference.Name, reference.Span.Start) is { } variable)
        {
            parts.Add(variable);
            range ??= reference.Span;
        }

        if (parts.Count == 0)
        {
            return null;
        }

        return new Hover
        {
            Contents = new MarkupContent { Kind = context.State.Features.MarkdownHover ? "markdown" : "plaintext", Value = string.Join("\n\n---\n\n", parts) },
            Range = range is { } r ? DiagnosticFactory.ToRange(document.Text, r) : null,
        };
    }

    /// <summary>
    /// An ID token's name: its audience, the jobs that get it (the token written here, through
    /// a template or <c>default:</c>), and where each refers to it.
    /// </summary>
    private static string? TokenHover(RequestDocument document, NodePath path)
    {
        var key = path.Node;
        var jobs = document.Analysis.Pipelines
            .SelectMany(p => p.Pipeline.ConcreteJobs)
            .Select(j => (Job: j, Token: j.IdTokens.FirstOrDefault(t => ReferenceEquals(t.Entry.Key, key) || (t.Entry.Key.File == key.File && t.Entry.Key.Span == key.Span))))
            .Where(x => x.Token is not null)
            .GroupBy(x => x.Job.Name, System.StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        if (jobs.Count == 0)
        {
            return null;
        }

        var token = jobs[0].Token!;
        var audiences = new TokenGrant(token, Origin.Of(token.Entry.Key)).Audiences;
        var aud = audiences.IsEmpty ? "none (GitLab rejects the pipeline)" : string.Join(", ", audiences.Select(a => "`" + a + "`"));
        var lines = new List<string> { $"**ID token `{token.Name}`**", string.Empty, $"Audience: {aud}", string.Empty, $"Minted for {jobs.Count} job{(jobs.Count == 1 ? string.Empty : "s")}:" };
        foreach (var (job, _) in jobs.Take(20))
        {
            var scriptUses = PipelineNavigator.References(new[] { job }, token.Name).Count(r => job.ScriptLines.Any(l => l.Node.File == r.File && l.Node.Span.Contains(r.Span.Start)));
            var secrets = JobCredentials.Of(job).Secrets.Where(g => g.TokenName == token.Name).ToList();
            var implicitSecrets = secrets.Count(g => g.Login is SecretLoginKind.FirstToken or SecretLoginKind.ByName);
            var uses = scriptUses + secrets.Count;
            var via = job.Declaration.Key.File == key.File && job.Declaration.Value.Span.Contains(key.Span.Start) ? string.Empty
                : job.FromDefault.Contains("id_tokens") ? " (from `default:`)"
                : job.Bases.Length > 0 ? $" (through `{string.Join("`, `", job.Bases)}`)" : string.Empty;
            var picked = implicitSecrets == 0 ? string.Empty : $" ({implicitSecrets} secret{(implicitSecrets == 1 ? " picks" : "s pick")} it up without `token:`)";
            lines.Add($"- `{job.Name}`{via}: {(uses == 0 ? "never refers to it" : $"{uses} reference{(uses == 1 ? string.Empty : "s")} in its scripts and secrets{picked}")}");
        }

        if (jobs.Count > 20)
        {
            lines.Add($"- and {jobs.Count - 20} more");
        }

        return string.Join("\n", lines);
    }

    /// <summary>
    /// A job's name: its effective ID tokens and secrets, each with the file, line and template
    /// (or <c>default</c>) it came from, and the token each secret logs in with.
    /// </summary>
    private static string? JobHover(RequestDocument document, NodePath path)
    {
        var key = path.Node;
        var job = document.Analysis.PipelinesOf(document.File.Path)
            .Select(p => p.Pipeline.FindJob(path.KeyFromEnd(0) ?? string.Empty))
            .FirstOrDefault(j => j is not null && j.Declaration.Key.File == key.File && j.Declaration.Key.Span == key.Span);
        if (job is null)
        {
            return null;
        }

        var credentials = JobCredentials.Of(job);
        var lines = new List<string> { $"**{(job.IsHidden ? "Template" : "Job")} `{job.Name}`** as GitLab composes it: {credentials.Summary}" };
        if (job.Bases.Length > 0)
        {
            lines.Add(string.Empty);
            lines.Add($"Extends {string.Join(", ", job.Bases.Select(b => $"`{b}`"))}");
        }

        if (credentials.Tokens.Length > 0)
        {
            lines.Add(string.Empty);
            lines.Add("ID tokens:");
            foreach (var grant in credentials.Tokens)
            {
                var aud = grant.Audiences.IsEmpty ? "no `aud`" : "aud " + string.Join(", ", grant.Audiences.Select(a => $"`{a}`"));
                lines.Add($"- `{grant.Token.Name}`: {aud} ({From(grant.Origin, job)})");
            }
        }

        if (credentials.Secrets.Length > 0)
        {
            lines.Add(string.Empty);
            lines.Add("Secrets:");
            foreach (var grant in credentials.Secrets)
            {
                var login = grant.Login switch
                {
                    SecretLoginKind.Named => $"token `{grant.TokenName}`",
                    SecretLoginKind.FirstToken => $"token `{grant.TokenName}` (no `token:`, so the job's first ID token)",
                    SecretLoginKind.ByName => $"token `{grant.TokenName}` (no `token:`, so the ID token of that name)",
                    SecretLoginKind.MintedByGitLab => "a JWT GitLab mints for it",
                    _ => "no ID token",
                };
                lines.Add($"- `{grant.Secret.Name}` from {grant.Secret.Provider ?? "no provider"}, logs in with {login} ({From(grant.Origin, job)})");
            }
        }

        return string.Join("\n", lines);
    }

    private static string From(Origin origin, Job job)
        => origin.Place + (origin.Holder.Length > 0 && origin.Holder != job.Name ? $", through `{origin.Holder}`" : string.Empty);

    /// <summary><c>token: $X</c> of a secret: the ID token it names, its <c>aud</c> and where the jobs get it.</summary>
    private static string? SecretTokenHover(RequestDocument document, NodePath path, CiOidcLint.Analysis.Syntax.YamlScalar value)
    {
        if (JobCredentials.TokenName(value) is not { } name)
        {
            return null;
        }

        var jobs = PipelineNavigator.JobsAt(document.Analysis, document.File, value.Span.Start).Where(j => !j.IsHidden).Distinct().ToList();
        var grants = jobs.SelectMany(j => JobCredentials.Of(j).Tokens).Where(t => t.Token.Name == name)
            .GroupBy(t => (t.Origin.File.Path, t.Origin.Line)).Select(g => g.First()).ToList();
        if (grants.Count == 0)
        {
            return jobs.Count == 0 ? null : $"**ID token `{name}`**\n\nNo job here gets an ID token of this name: the secret has no token to log in with.";
        }

        var lines = new List<string> { $"**ID token `{name}`**" };
        foreach (var grant in grants)
        {
            var aud = grant.Audiences.IsEmpty ? "no `aud`" : string.Join(", ", grant.Audiences.Select(a => $"`{a}`"));
            lines.Add(string.Empty);
            lines.Add($"Audience {aud}, declared at {grant.Origin.Place}" + (grant.Origin.Holder.Length > 0 ? $" in `{grant.Origin.Holder}`" : string.Empty));
        }

        return string.Join("\n", lines);
    }

    /// <summary>Past this many lines, what an <c>extends</c> or <c>!reference</c> brings is cut in a hover.</summary>
    private const int BroughtLines = 40;

    /// <summary>
    /// An <c>extends:</c> target or a <c>!reference</c>: the content it brings, as
    /// <c>cioidclint show</c> prints it (the template as composed; the referenced value as written).
    /// </summary>
    private static string? BroughtContent(RequestDocument document, NodePath path, CiOidcLint.Analysis.Syntax.YamlScalar scalar)
    {
        var pipelines = document.Analysis.PipelinesOf(document.File.Path).Select(p => p.Pipeline).ToList();
        string? text = null;
        string title;
        if (path.KeyFromEnd(0) == "extends" && path.ParentSequence is not { IsReference: true })
        {
            var template = pipelines.Select(p => p.FindJob(scalar.Value)).FirstOrDefault(j => j is not null);
            if (template is null)
            {
                return null;
            }

            title = $"**`extends: {scalar.Value}`** brings";
            text = EffectiveJobWriter.Write(template);
        }
        else if (path.ParentSequence is { IsReference: true } reference)
        {
            var keys = reference.Items.OfType<CiOidcLint.Analysis.Syntax.YamlScalar>().Select(i => i.Value).ToList();
            if (keys.Count < 2 || keys.Count != reference.Items.Length)
            {
                return null;
            }

            foreach (var pipeline in pipelines)
            {
                CiOidcLint.Analysis.Syntax.YamlNode? node = pipeline.Config.Get(keys[0]);
                foreach (var key in keys.Skip(1))
                {
                    node = (node as CiOidcLint.Analysis.Syntax.YamlMapping)?.Get(key);
                }

                if (node is not null)
                {
                    text = EffectiveJobWriter.WriteEntry(keys[^1], node, owner: string.Empty);
                    break;
                }
            }

            title = $"**`!reference [{string.Join(", ", keys)}]`** brings";
        }
        else
        {
            return null;
        }

        if (text is null)
        {
            return null;
        }

        var lines = text.TrimEnd('\n').Split('\n');
        var shown = string.Join("\n", lines.Take(BroughtLines)) + (lines.Length > BroughtLines ? $"\n# … {lines.Length - BroughtLines} more lines: see cioidclint show" : string.Empty);
        return $"{title}\n\n```yaml\n{shown}\n```";
    }

    /// <summary>
    /// A <c>$VAR</c> in a script: what defines it for the jobs there (an ID token, a secret, a
    /// job's or the pipeline's <c>variables</c>, each with its place), or GitLab's help for a
    /// predefined variable. The removed <c>CI_JOB_JWT*</c> have their own hover above.
    /// </summary>
    private static string? VariableHover(RequestDocument document, string name, int offset)
    {
        var jobs = PipelineNavigator.JobsAt(document.Analysis, document.File, offset).Distinct().ToList();
        var lines = new List<string>();
        foreach (var grant in jobs.SelectMany(j => JobCredentials.Of(j).Tokens).Where(t => t.Token.Name == name).GroupBy(t => t.Origin.Place).Select(g => g.First()))
        {
            var aud = grant.Audiences.IsEmpty ? "no `aud`" : "aud " + string.Join(", ", grant.Audiences.Select(a => $"`{a}`"));
            lines.Add($"**ID token `{name}`**: {aud}, declared at {grant.Origin.Place}{Through(grant.Origin)}");
        }

        foreach (var grant in jobs.SelectMany(j => JobCredentials.Of(j).Secrets).Where(s => s.Secret.Name == name).GroupBy(s => s.Origin.Place).Select(g => g.First()))
        {
            var file = (grant.Secret.Mapping?.Get("file") as CiOidcLint.Analysis.Syntax.YamlScalar) is { } f && f.Value is "false" or "False" or "FALSE" ? "its value" : "the path of a file holding it";
            lines.Add($"**Secret `{name}`** from {grant.Secret.Provider ?? "no provider"} ({file}), declared at {grant.Origin.Place}{Through(grant.Origin)}");
        }

        var variables = jobs.Select(j => (j.Get("variables") as CiOidcLint.Analysis.Syntax.YamlMapping)?.GetEntry(name))
            .Concat(document.Analysis.PipelinesOf(document.File.Path).Select(p => (p.Pipeline.Config.Get("variables") as CiOidcLint.Analysis.Syntax.YamlMapping)?.GetEntry(name)))
            .Where(e => e is not null)
            .GroupBy(e => Origin.Of(e!.Key).Place)
            .Select(g => g.First()!);
        foreach (var entry in variables)
        {
            var origin = Origin.Of(entry.Key);
            var value = entry.Value switch
            {
                CiOidcLint.Analysis.Syntax.YamlScalar scalar => $" = `{scalar.Value}`",
                CiOidcLint.Analysis.Syntax.YamlMapping mapping when mapping.Get("value") is CiOidcLint.Analysis.Syntax.YamlScalar scalar => $" = `{scalar.Value}`",
                _ => string.Empty,
            };
            lines.Add($"**Variable `{name}`**{value}, set at {origin.Place}{Through(origin)}");
        }

        if (lines.Count == 0 && PredefinedVariables.Find(name) is { IsRemoved: false } predefined)
        {
            lines.Add($"**`{name}`** (predefined by GitLab): {predefined.Help}");
        }

        return lines.Count == 0 ? null : string.Join("\n\n", lines);

        static string Through(Origin origin) => origin.Holder.Length > 0 ? $" in `{origin.Holder}`" : string.Empty;
    }

    private static string? KeyHelp(NodePath path) => path.KeyFromEnd(0) switch
    {
        "id_tokens" => HelpTexts.IdTokens,
        "secrets" => HelpTexts.Secrets,
        "aud" when path.KeyFromEnd(2) == "id_tokens" => HelpTexts.Aud,
        "token" when path.KeyFromEnd(2) == "secrets" => HelpTexts.Token,
        _ => null,
    };
}
