using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Analysis.Pipeline;

/// <summary>
/// The repository as the engine sees it: paths from the repository root with forward slashes.
/// The language server layers open documents over the disk; tests use memory.
/// </summary>
public interface IPipelineFileSystem
{
    /// <summary>The file's text, or null when it does not exist. Throws <see cref="System.IO.IOException"/> when it exists but cannot be read.</summary>
    SourceText? ReadFile(string path);

    /// <summary>The files directly in <paramref name="directory"/> ("" for the root), as repository paths.</summary>
    IEnumerable<string> EnumerateFiles(string directory);

    /// <summary>The folders directly in <paramref name="directory"/> ("" for the root), as repository paths.</summary>
    IEnumerable<string> EnumerateDirectories(string directory);
}
