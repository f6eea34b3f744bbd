using System;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.Cli.Output;

internal static class FixText
{
    /// <summary>The text a fix edits. Fixes only touch files of the analyzed pipeline, so a miss is a bug, not an input problem.</summary>
    public static SourceText Of(Report report, string path)
        => report.Texts.TryGetValue(path, out var text)
            ? text
            : throw new InvalidOperationException($"a fix edits '{path}', which is not a file of the analyzed pipeline");
}
