namespace CiOidcLint.Cli;

internal static class ExitCodes
{
    /// <summary>No finding at or above the threshold.</summary>
    public const int Clean = 0;

    /// <summary>At least one finding at or above the threshold.</summary>
    public const int Findings = 1;

    /// <summary>A usage error (unknown option, bad value) or a path that cannot be read.</summary>
    public const int UsageOrIoError = 2;
}
