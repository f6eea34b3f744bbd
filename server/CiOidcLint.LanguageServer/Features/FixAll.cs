using System;
using System.Linq;
using System.Threading;
using CiOidcLint.Analysis.Engine;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.LanguageServer.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.LanguageServer.Features;

/// <summary>
/// <c>source.fixAll.cioidclint</c>: every preferred fix of one file, composed exactly as
/// <c>cioidclint check --fix</c> composes them (<see cref="FixLoop"/>: apply the fixes whose edits
/// do not touch, analyse again, repeat, bounded), over the editor's unsaved text.
/// </summary>
public static class FixAll
{
    /// <summary>The file's text before and after, or null when no preferred fix applies to it.</summary>
    public static (SourceText Original, SourceText Fixed)? Compute(WorkspaceSnapshot snapshot, WorkspaceAnalysis analysis, string path, CancellationToken cancellationToken)
    {
        if (snapshot.Disk is not { } disk || analysis.GetFile(path)?.Text is not { } original)
        {
            return null;
        }

        // Only fixes that edit this file alone: the action edits the file it was asked for.
        var result = FixLoop.Run(
            new Workspace.OpenDocumentsFileSystem(snapshot.Documents, disk),
            files => FindingMerge.AcrossPipelines(WorkspaceAnalyzer.Analyze(snapshot, files, cancellationToken).SelectMany(r => r.Findings)),
            finding => finding.Path == path && finding.Fixes.FirstOrDefault(f => f.IsPreferred) is { } fix && fix.Changes.All(c => c.Path == path),
            cancellationToken: cancellationToken);
        var fixedText = result.Files.ReadFile(path);
        return fixedText is null || fixedText.ContentEquals(original) ? null : (original, fixedText);
    }

    /// <summary>One edit for the difference: from the first changed character to the last.</summary>
    public static TextChange Difference(SourceText original, SourceText changed)
    {
        var a = original.ToString();
        var b = changed.ToString();
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && a[prefix] == b[prefix])
        {
            prefix++;
        }

        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && a[a.Length - 1 - suffix] == b[b.Length - 1 - suffix])
        {
            suffix++;
        }

        return new TextChange(TextSpan.FromBounds(prefix, a.Length - suffix), b.Substring(prefix, b.Length - suffix - prefix));
    }
}
