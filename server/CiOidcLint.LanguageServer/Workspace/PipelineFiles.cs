using System;
using System.Linq;
using CiOidcLint.Analysis.Workspace;

namespace CiOidcLint.LanguageServer.Workspace;

/// <summary>
/// Which open documents are pipelines of their own: GitLab's names (<c>.gitlab-ci.yml</c>,
/// <c>*.gitlab-ci.yml</c>, YAML under <c>.gitlab/ci/</c>, as <c>cioidclint check</c> reads a folder)
/// and the globs of the <c>cioidclint.files</c> setting. Files they include locally are
/// analysed as part of them, whatever their names.
/// </summary>
public static class PipelineFiles
{
    public static bool IsPipelineFile(string path, ServerSettings settings) => RepositoryScope.IsPipelineFile(path, settings.Files);
}
