using CiOidcLint.Analysis.Engine;

namespace CiOidcLint.Cli.Output;

/// <summary>A finding as every report writes it: with its path for people and its fingerprint for machines.</summary>
internal sealed record ReportEntry(Finding Finding, string DisplayPath, string Fingerprint);
