using System;
using System.IO;
using System.Text;

namespace CiOidcLint.Cli.Output;

internal static class ReportFiles
{
    /// <summary>UTF-8 without a BOM (GitLab and SARIF viewers read it), creating the folder; a failure is the user's to fix (exit 2).</summary>
    public static void WriteAllText(string path, string text)
    {
        try
        {
            var folder = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write '{path}': {ex.Message}");
        }
    }
}
