namespace CiOidcLint.Cli.Output;

/// <summary>What <c>--format</c> accepts.</summary>
internal enum OutputFormat
{
    Text,
    Json,
    Sarif,
    CodeQuality,
}
