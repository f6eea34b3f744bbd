using System;

namespace CiOidcLint.Testing;

/// <summary>An error response.</summary>
public sealed class LspErrorException : Exception
{
    public LspErrorException(int code, string message)
        : base($"{code}: {message}")
    {
        Code = code;
    }

    public int Code { get; }
}
