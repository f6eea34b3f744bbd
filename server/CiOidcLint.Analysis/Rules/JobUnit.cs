using CiOidcLint.Analysis.Pipeline;

namespace CiOidcLint.Analysis.Rules;

public enum JobUnitKind
{
    /// <summary>A job that runs.</summary>
    Job,

    /// <summary>A hidden job that no job extends: judged on its own, as another pipeline may include it.</summary>
    Template,

    /// <summary>The pipeline's <c>default:</c>, which GitLab validates whatever the jobs override.</summary>
    Default,
}

/// <summary>What a job rule looks at: a job, an unused template, or <c>default:</c>.</summary>
public sealed record JobUnit(Job Job, JobUnitKind Kind);
