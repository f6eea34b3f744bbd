namespace CiOidcLint.Cli.Output;

/// <summary>One report to write: a format, and a file (relative to the current folder) or null for stdout.</summary>
internal sealed record OutputTarget(OutputFormat Format, string? File);
