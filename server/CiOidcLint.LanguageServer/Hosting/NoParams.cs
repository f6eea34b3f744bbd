namespace CiOidcLint.LanguageServer.Hosting;

/// <summary>The parameters of a method that takes none (<c>shutdown</c>, <c>exit</c>); clients may send null or nothing.</summary>
public sealed record NoParams;
