namespace CiOidcLint.Analysis.Pipeline;

public enum IncludeKind
{
    Local,
    Project,
    Remote,
    Template,
    Component,
}
