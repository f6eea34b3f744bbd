namespace CiOidcLint.Analysis.Syntax;

/// <summary>
/// GitLab's limits on one YAML file (instance settings <c>max_yaml_size_bytes</c> and
/// <c>max_yaml_depth</c>, 2 MB and 150 since MR 160826) and our own budget for merge keys.
/// </summary>
public sealed record YamlLimits(long MaxSizeBytes, int MaxDepth, int MergeBudget)
{
    public static YamlLimits GitLab { get; } = new(2L * 1024 * 1024, 150, 1_000_000);
}
