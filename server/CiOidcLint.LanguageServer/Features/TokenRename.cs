using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Syntax;
using CiOidcLint.LanguageServer.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.LanguageServer.Features;

/// <summary>
/// Renaming an ID token: its <c>id_tokens</c> key and every reference in the jobs that get it
/// (<c>$N</c>, <c>${N}</c>, <c>$env:N</c>, <c>%N%</c>, <c>token: $N</c>), across the pipeline's
/// files. Refused, with the reason, when the rename would change what a job means: a
/// predefined variable, a name another job uses without getting this token, a new name a job
/// already has, or <c>AWS_ID_TOKEN</c> read by name by a secret.
/// </summary>
public static class TokenRename
{
    private static readonly Regex Name = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    /// <summary>The token under the cursor: its name's span there, its declarations and the jobs (templates too) that get them.</summary>
    public sealed record Target(string Name, SyntaxFile File, TextSpan Span, IReadOnlyList<YamlEntry> Declarations, IReadOnlyList<Job> Jobs, IReadOnlyList<PipelineConfig> Pipelines);

    /// <summary>A rename that cannot be done, with the reason to show.</summary>
    public sealed class RefusedException : Exception
    {
        public RefusedException(string message)
            : base(message)
        {
        }
    }

    /// <summary>The token at the document's offset; throws <see cref="RefusedException"/> when what is there cannot be renamed.</summary>
    public static Target Find(RequestDocument document)
    {
        var (name, span) = NameAt(document) ?? throw new RefusedException("Only an ID token can be renamed here: put the cursor on its name under id_tokens, or on a $NAME that refers to one.");
        if (IsPredefined(name))
        {
            throw new RefusedException($"{name} is a variable GitLab predefines; it cannot be renamed.");
        }

        var jobsHere = PipelineNavigator.JobsAt(document.Analysis, document.File, span.Start).Distinct().ToList();
        var declarations = jobsHere.SelectMany(j => j.IdTokens).Where(t => t.Name == name).Select(t => t.Entry).Distinct().ToList();
        if (declarations.Count == 0)
        {
            // $env:vault_id_token: Windows compares environment names without case.
            declarations = jobsHere.SelectMany(j => j.IdTokens).Where(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase)).Select(t => t.Entry).Distinct().ToList();
            name = declarations.Select(d => d.Name).FirstOrDefault() ?? name;
        }

        if (declarations.Count == 0)
        {
            throw new RefusedException($"{name} is not an ID token of the jobs here, so there is nothing to rename.");
        }

        var pipelines = document.Analysis.PipelinesOf(document.File.Path).Select(p => p.Pipeline).ToList();
        var jobs = pipelines.SelectMany(p => p.Jobs)
            .Where(j => j.IdTokens.Any(t => declarations.Contains(t.Entry)))
            .Distinct()
            .ToList();
        return new Target(name, document.File, span, declarations, jobs, pipelines);
    }

    /// <summary>The edits, per file; throws <see cref="RefusedException"/> when the rename would change what some job means.</summary>
    public static IReadOnlyList<(SyntaxFile File, TextSpan Span)> Edits(Target target, string newName)
    {
        if (!Name.IsMatch(newName))
        {
            throw new RefusedException($"'{newName}' is not a variable name: use letters, digits and _, not starting with a digit.");
        }

        if (IsPredefined(newName))
        {
            throw new RefusedException($"{newName} is a name GitLab keeps for its predefined variables.");
        }

        var getting = new HashSet<Job>(target.Jobs);
        foreach (var job in target.Jobs)
        {
            if (job.IdTokens.Any(t => t.Name == newName) || job.Secrets.Any(x => x.Name == newName) || (job.Get("variables") as YamlMapping)?.ContainsKey(newName) == true)
            {
                throw new RefusedException($"Job '{job.Name}' already has a variable, secret or ID token named {newName}.");
            }

            if (target.Name == "AWS_ID_TOKEN" && job.Secrets.Any(s => s.Provider == "aws_secrets_manager" && s.Token is null))
            {
                throw new RefusedException($"A secret of job '{job.Name}' reads AWS_ID_TOKEN by name (aws_secrets_manager without token:); renaming it would leave the secret without a token.");
            }
        }

        if (target.Pipelines.FirstOrDefault(p => (p.Config.Get("variables") as YamlMapping)?.ContainsKey(newName) == true) is { } global)
        {
            throw new RefusedException($"{global.Root.Path} already defines a variable named {newName} for every job.");
        }

        // Templates are reached through the jobs that run them: only a running job that does
        // not get this token, yet refers to the name, means something else by it.
        var others = target.Pipelines.SelectMany(p => p.ConcreteJobs).Where(j => !getting.Contains(j)).Distinct().ToList();
        var elsewhere = others.FirstOrDefault(j => PipelineNavigator.References(new[] { j }, target.Name).Any());
        if (elsewhere is not null)
        {
            throw new RefusedException($"Job '{elsewhere.Name}' also uses {target.Name} but does not get this ID token; rename it there first, or give it the token.");
        }

        var edits = new List<(SyntaxFile File, TextSpan Span)>();
        foreach (var declaration in target.Declarations)
        {
            edits.Add((declaration.Key.File, NameSpan(declaration.Key, target.Name)));
        }

        foreach (var reference in PipelineNavigator.References(target.Jobs, target.Name))
        {
            if (!string.Equals(reference.File.Text.ToString(reference.NameSpan), target.Name, StringComparison.OrdinalIgnoreCase))
            {
                throw new RefusedException($"{reference.File.Path}:{reference.File.Text.Lines.GetLinePosition(reference.NameSpan.Start).Line + 1} writes {target.Name} with YAML escapes; rename it there by hand.");
            }

            edits.Add((reference.File, reference.NameSpan));
        }

        return edits.Distinct().ToList();
    }

    /// <summary>GitLab's own variables (<c>CI_*</c>, <c>GITLAB_*</c>): never renamed, never taken.</summary>
    public static bool IsPredefined(string name)
        => name.StartsWith("CI_", StringComparison.Ordinal) || name.StartsWith("GITLAB_", StringComparison.Ordinal);

    private static (string Name, TextSpan Span)? NameAt(RequestDocument document)
    {
        var path = NodePath.Find(document.File, document.Offset);
        if (path is { IsKey: true, Node: YamlScalar key } && path.KeyFromEnd(1) == "id_tokens")
        {
            return (key.Value, NameSpan(key, key.Value));
        }

        return path is not null ? PipelineNavigator.ReferenceAt(path, document.Offset) : null;
    }

    /// <summary>The span of a key's name: inside its quotes when it is quoted.</summary>
    private static TextSpan NameSpan(YamlNode key, string name)
        => key is YamlScalar scalar && scalar.Value == name ? scalar.MapToSource(0, name.Length) : key.Span;
}
