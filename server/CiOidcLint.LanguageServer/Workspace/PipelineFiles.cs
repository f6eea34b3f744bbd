using System;
using System.Linq;
using CiOidcLint.Analysis.Pipeline;

namespace CiOidcLint.LanguageServer.Workspace;

/// <summary>
/// Which open documents are pipelines of their own: GitLab's names (<c>.gitlab-ci.yml</c>,
/// <c>*.gitlab-ci.yml</c>, YAML under <c>.gitlab/ci/</c>, as <c>cioidclint check</c> reads a folder)
/// and the globs of the <c>cioidclint.files</c> setting. Files they include locally are
/// analysed as part of them, whatever their names.
/// </summary>
public static class PipelineFiles
{
    public static bool IsPipelineFile(string path, ServerSettings settings)
    {
        var name = path.Substring(path.LastIndexOf('/') + 1);
        var yaml = name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal);
        if (name is ".gitlab-ci.yml" or ".gitlab-ci.yaml"
            || name.EndsWith(".gitlab-ci.yml", StringComparison.Ordinal)
            || name.EndsWith(".gitlab-ci.yaml", StringComparison.Ordinal)
            || (yaml && ("/" + path).Contains("/.gitlab/ci/", StringComparison.Ordinal)))
        {
            return true;
        }

        return settings.Files.Any(glob => new FileGlob(glob).IsMatch(path));
    }
}
