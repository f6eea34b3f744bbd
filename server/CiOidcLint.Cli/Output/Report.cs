using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Cli.Output;

/// <summary>What one run reports, shared by every writer.</summary>
/// <param name="Entries">The findings to report (baselined ones already left out), sorted.</param>
/// <param name="RepositoryRoot">The absolute repository root; report paths are relative to it.</param>
/// <param name="Texts">The source text of every file of the analyzed pipelines, by repository path (fix regions are computed on it).</param>
internal sealed record Report(ImmutableArray<ReportEntry> Entries, string RepositoryRoot, ImmutableDictionary<string, SourceText> Texts);
