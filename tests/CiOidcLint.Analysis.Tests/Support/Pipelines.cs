using CiOidcLint.Analysis.Pipeline;

namespace CiOidcLint.Analysis.Tests.Support;

public static class Pipelines
{
    /// <summary>Composes the pipeline rooted at the first file, with every file in an in-memory repository.</summary>
    public static PipelineConfig Build(params (string Path, string Text)[] files)
    {
        var fileSystem = new InMemoryFileSystem();
        foreach (var (path, text) in files)
        {
            fileSystem.Add(path, text);
        }

        return new PipelineBuilder(fileSystem).Build(files[0].Path);
    }
}
