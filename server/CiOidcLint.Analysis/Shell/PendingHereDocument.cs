namespace CiOidcLint.Analysis.Shell;

/// <summary>A here-document whose body starts after the current line.</summary>
internal readonly record struct PendingHereDocument(RedirectionBuilder Redirection, string Delimiter, bool StripTabs, bool Quoted);
