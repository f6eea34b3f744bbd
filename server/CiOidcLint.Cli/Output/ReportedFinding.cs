using CiOidcLint.Analysis.Engine;

namespace CiOidcLint.Cli.Output;

/// <summary>A finding with the path as the user should see it (relative to the current folder).</summary>
internal sealed record ReportedFinding(Finding Finding, string DisplayPath);
