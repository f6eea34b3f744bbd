namespace CiOidcLint.Cli.Output;

/// <summary><c>--baseline FILE</c> (relative to the current folder) and whether <c>--update-baseline</c> rewrites it.</summary>
internal sealed record BaselineOptions(string Path, bool Update);
