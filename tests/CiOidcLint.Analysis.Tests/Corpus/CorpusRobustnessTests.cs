using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Workspace;

namespace CiOidcLint.Analysis.Tests.Corpus;

/// <summary>Every file of the corpus, whatever its name or content, is read without an exception.</summary>
public sealed class CorpusRobustnessTests
{
    [SkippableFact]
    public void Every_corpus_file_is_analysed_as_a_pipeline_without_an_exception()
    {
        Skip.IfNot(CorpusLocation.Exists, CorpusLocation.SkipMessage);
        var root = CorpusLocation.Corpus;
        var fileSystem = new PhysicalFileSystem(root);
        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToList();
        Assert.NotEmpty(files);
        var analysis = new RepositoryAnalysis(fileSystem);
        foreach (var file in files)
        {
            var path = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
            var exception = Record.Exception(() => analysis.AnalyzePipeline(path));
            Assert.True(exception is null, $"{path}: {exception}");
        }
    }
}
