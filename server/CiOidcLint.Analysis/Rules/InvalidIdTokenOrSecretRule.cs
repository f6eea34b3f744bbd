using System.Collections.Generic;
using System.Text.RegularExpressions;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// CIOL008: <c>id_tokens</c> or <c>secrets</c> that GitLab rejects when it creates the pipeline
/// (entry/id_token.rb, entry/secret.rb and each provider's entry), or that cannot work (a token
/// name no script can expand, a Vault string with no path). The shape checks need no job, so
/// they run on templates and <c>default:</c> too; whether a job is a trigger job needs the
/// composed job. What CIOL002 (no or empty <c>aud</c>), CIOL007 (GCP without <c>token</c>) and
/// CIOL016 (a key written twice) report is left to them.
/// </summary>
public sealed class InvalidIdTokenOrSecretRule : IJobRule
{
    public static readonly DiagnosticDescriptor Rule = RuleCatalog.Describe(
        "CIOL008",
        "Invalid ID token or secret",
        "{0} ({1})",
        DiagnosticSeverity.Error,
        "GitLab validates id_tokens and secrets when it creates a pipeline, and one invalid entry stops the whole pipeline.");

    private const string AudTypeError = "'id token aud should be an array of strings or a string'";

    private static readonly Regex VariableName = new(@"\A[A-Za-z_][A-Za-z0-9_]*\z", RegexOptions.CultureInvariant);

    public DiagnosticDescriptor Descriptor => Rule;

    public string Name => "invalid-id-token-or-secret";

    /// <summary>
    /// False: the shape checks run on every unit. The trigger-job check is the one part that
    /// needs the composed job, and <see cref="AnalyzeJob"/> makes it only where the engine
    /// would run a job-context rule (a concrete, complete job).
    /// </summary>
    public bool NeedsJobContext => false;

    public void AnalyzeJob(JobContext context)
    {
        var job = context.Job;
        if (job.Effective.GetEntry("id_tokens") is { } idTokens && !IsNullOrReference(idTokens.Value))
        {
            CheckIdTokens(idTokens, context);
            if (context.Kind == JobUnitKind.Job && !job.IsIncomplete && job.IsTrigger)
            {
                context.Report(
                    idTokens.Key.Location,
                    "'id_tokens' in a trigger job makes GitLab reject the pipeline ('config contains unknown keys: id_tokens'): a trigger job runs no script, and the downstream pipeline's jobs declare their own tokens");
            }
        }

        if (job.Effective.GetEntry("secrets") is { } secrets && !IsNullOrReference(secrets.Value))
        {
            if (context.Kind == JobUnitKind.Default)
            {
                // The whole block is rejected, so its content is not judged entry by entry.
                context.Report(
                    secrets.Key.Location,
                    "'secrets' under default: makes GitLab reject the pipeline ('default config contains unknown keys: secrets'): secrets belong to each job and are never inherited");
            }
            else
            {
                SecretShapeChecks.Check(secrets, (location, message) => context.Report(location, message));
            }
        }
    }

    private static void CheckIdTokens(YamlEntry idTokens, JobContext context)
    {
        if (idTokens.Value is not YamlMapping tokens)
        {
            context.Report(
                idTokens.Value.Location,
                $"'id_tokens' is {YamlValueKinds.Describe(idTokens.Value)}, not a mapping of token names, so GitLab rejects the pipeline with 'id_tokens config should be a hash'");
            return;
        }

        foreach (var token in tokens.Entries)
        {
            // A name built by input interpolation ($[[ inputs.x ]]) is only known once the component is used.
            if (!VariableName.IsMatch(token.Name) && token.Name.IndexOf("$[[", System.StringComparison.Ordinal) < 0)
            {
                context.Report(
                    token.Key.Location,
                    token.Name.Length == 0
                        ? "An ID token has an empty name, so no script or secret can refer to it"
                        : $"ID token name '{token.Name}' is not a valid variable name, so no script or secret can expand it as ${token.Name}");
            }

            switch (token.Value)
            {
                case YamlScalar { IsNull: true }:
                    // No value at all is CIOL002's "missing aud".
                    break;
                case YamlMapping mapping:
                    CheckToken(token.Name, mapping, context);
                    break;
                case { IsReference: true }:
                    break;
                default:
                    context.Report(
                        token.Value.Location,
                        $"ID token '{token.Name}' is {YamlValueKinds.Describe(token.Value)}, not a mapping with an 'aud' key, so GitLab rejects the pipeline");
                    break;
            }
        }
    }

    private static void CheckToken(string name, YamlMapping token, JobContext context)
    {
        foreach (var entry in token.Entries)
        {
            if (entry.Name != "aud")
            {
                context.Report(
                    entry.Key.Location,
                    $"ID token '{name}' has the key '{entry.Name}', which GitLab does not know, so it rejects the pipeline with 'id token config contains unknown keys: {entry.Name}'");
            }
        }

        switch (token.Get("aud"))
        {
            case null:
            case { IsReference: true }:
            case YamlScalar { IsNull: true }:
                // No aud, or an empty one, is CIOL002's.
                break;
            case YamlScalar scalar when !YamlValueKinds.IsString(scalar):
            case YamlMapping:
                var aud = token.Get("aud")!;
                context.Report(
                    aud.Location,
                    $"The 'aud' of ID token '{name}' is {YamlValueKinds.Describe(aud)}, so GitLab rejects the pipeline with {AudTypeError}");
                break;
            case YamlSequence list:
                CheckAudList(name, list, context);
                break;
        }
    }

    private static void CheckAudList(string name, YamlSequence list, JobContext context)
    {
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var item in list.Items)
        {
            if (item.IsReference)
            {
                continue;
            }

            if (item is not YamlScalar value || !YamlValueKinds.IsString(value))
            {
                context.Report(
                    item.Location,
                    $"The 'aud' list of ID token '{name}' holds {Item(YamlValueKinds.Describe(item))}, so GitLab rejects the pipeline with {AudTypeError}");
            }
            else if (!seen.Add(value.Value))
            {
                context.Report(
                    item.Location,
                    $"The 'aud' list of ID token '{name}' names '{value.Value}' twice, which GitLab's CI schema forbids (unique items), and the copy adds no audience");
            }
        }
    }

    private static bool IsNullOrReference(YamlNode node) => node is YamlScalar { IsNull: true } || node.IsReference;

    /// <summary>"a number", or "an empty item" where <see cref="YamlValueKinds.Describe"/> says "empty".</summary>
    private static string Item(string kind) => kind == "empty" ? "an empty item" : kind;
}
