using System;

namespace CiOidcLint.Cli;

/// <summary>A problem with what the user asked for: reported in one line, exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
