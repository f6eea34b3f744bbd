namespace CiOidcLint.Analysis.Pipeline.Conditions;

/// <summary>Whether a pipeline is created, or a job added to it, in a given kind of pipeline.</summary>
public enum RunVerdict
{
    DoesNotRun,

    /// <summary>It depends on something the linter cannot see (a CI/CD variable, a remote include).</summary>
    Unknown,

    Runs,
}
