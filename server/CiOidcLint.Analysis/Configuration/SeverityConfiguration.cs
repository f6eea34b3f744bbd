using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CiOidcLint.Analysis.Configuration;

/// <summary>
/// Rule severities from <c>.editorconfig</c> (<c>dotnet_diagnostic.CIOL004.severity = …</c>),
/// read through Roslyn's <see cref="AnalyzerConfigSet"/>, so sections, globs and
/// <c>root = true</c> mean exactly what they mean for C# analyzers.
/// </summary>
public sealed class SeverityConfiguration
{
    private readonly AnalyzerConfigSet? _set;
    private readonly string _root;
    private readonly ConcurrentDictionary<string, ImmutableDictionary<string, ReportDiagnostic>> _byPath = new(StringComparer.Ordinal);

    private SeverityConfiguration(AnalyzerConfigSet? set, string root)
    {
        _set = set;
        _root = root.TrimEnd('/', '\\');
    }

    /// <summary>Descriptor defaults only.</summary>
    public static SeverityConfiguration Default { get; } = new(null, "/");

    /// <summary>
    /// Builds from <c>.editorconfig</c> files given as (absolute path, text). <paramref name="repositoryRoot"/>
    /// is the absolute folder that repository paths are relative to.
    /// </summary>
    public static SeverityConfiguration Create(string repositoryRoot, IEnumerable<(string Path, string Text)> editorConfigs)
    {
        var configs = editorConfigs.Select(c => AnalyzerConfig.Parse(c.Text, c.Path)).ToImmutableArray();
        return configs.IsEmpty ? new SeverityConfiguration(null, repositoryRoot) : new SeverityConfiguration(AnalyzerConfigSet.Create(configs), repositoryRoot);
    }

    /// <summary>The effective severity for a rule in a repository path, or null when it is off (<c>none</c>).</summary>
    public DiagnosticSeverity? GetSeverity(DiagnosticDescriptor descriptor, string repositoryPath)
    {
        var report = ReportDiagnostic.Default;
        if (_set is not null)
        {
            var options = _byPath.GetOrAdd(repositoryPath, p => _set.GetOptionsForSourcePath(_root + "/" + p).TreeOptions);
            options.TryGetValue(descriptor.Id, out report);
        }

        return report switch
        {
            ReportDiagnostic.Error => DiagnosticSeverity.Error,
            ReportDiagnostic.Warn => DiagnosticSeverity.Warning,
            ReportDiagnostic.Info => DiagnosticSeverity.Info,
            ReportDiagnostic.Hidden => DiagnosticSeverity.Hidden,
            ReportDiagnostic.Suppress => null,
            _ => descriptor.IsEnabledByDefault ? descriptor.DefaultSeverity : null,
        };
    }
}
