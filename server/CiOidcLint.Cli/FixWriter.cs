using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Engine;

namespace CiOidcLint.Cli;

/// <summary>
/// Writes the files <c>--fix</c> changed: each one atomically (a temporary file beside it, then a
/// rename, so no reader ever sees half a file), in its own encoding and byte-order mark, and never
/// over a file that changed on disk since it was read.
/// </summary>
internal sealed class FixWriter
{
    private readonly PhysicalFileSystem _fileSystem;

    public FixWriter(PhysicalFileSystem fileSystem)
    {
        _fileSystem = fileSystem;
    }

    /// <summary>Writes every changed file; returns the files it refused to write, with why.</summary>
    public IReadOnlyList<RefusedWrite> Write(FixLoopResult result)
    {
        var refused = new List<RefusedWrite>();
        foreach (var path in result.ChangedPaths)
        {
            var original = result.Files.Original(path)?.ToString();
            var onDisk = _fileSystem.ReadFile(path)?.ToString();
            if (original is null || onDisk != original)
            {
                refused.Add(new RefusedWrite(path, "it changed on disk while cioidclint was fixing it; not written"));
                continue;
            }

            var full = _fileSystem.ToFullPath(path);
            var target = ResolveLink(full);
            var bom = HasUtf8Bom(target);
            var temp = Path.Combine(Path.GetDirectoryName(target)!, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".tmp");
            try
            {
                File.WriteAllText(temp, result.Files.ReadFile(path)!.ToString(), new UTF8Encoding(bom));
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(temp, File.GetUnixFileMode(target));
                }

                File.Move(temp, target, overwrite: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                TryDelete(temp);
                refused.Add(new RefusedWrite(path, $"cannot write it: {ex.Message}"));
            }
        }

        return refused;
    }

    /// <summary>A linked file is written through its link, which stays a link.</summary>
    private static string ResolveLink(string path)
        => new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    private static bool HasUtf8Bom(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> head = stackalloc byte[3];
        return stream.Read(head) == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>A file <c>--fix</c> did not write, and why.</summary>
internal sealed record RefusedWrite(string Path, string Reason);
