using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.LanguageServer.Features;

/// <summary>
/// "Set CIOLxxx severity in .editorconfig": <c>dotnet_diagnostic.CIOLxxx.severity = none</c> under
/// a <c>[*.{yml,yaml}]</c> section of the repository root's <c>.editorconfig</c>, the one place
/// severity lives, so the editor, the hook and the merge-request job agree. An existing section
/// of that glob is reused and an existing line for the id is rewritten; a missing file is
/// created where the client can create files.
/// </summary>
public static class EditorConfigSeverity
{
    public const string Path = ".editorconfig";

    public const string Section = "[*.{yml,yaml}]";

    public static string Title(string id) => $"Set {id} severity in .editorconfig";

    public static WorkspaceEdit? CreateEdit(string id, WorkspaceSnapshot snapshot, ClientFeatures features)
    {
        if (snapshot.Paths is not { } paths)
        {
            return null;
        }

        var open = snapshot.Documents.GetByPath(Path);
        var full = paths.ToFullPath(Path);
        var existing = open?.Text.ToString() ?? (File.Exists(full) ? File.ReadAllText(full) : null);
        var (span, newText) = Change(existing, id);
        if (existing is null)
        {
            if (!features.CreateFiles)
            {
                return null;
            }

            var uri = snapshot.UriOf(Path);
            return new WorkspaceEdit
            {
                DocumentChanges = new List<object>
                {
                    new CreateFile { Uri = uri, Options = new CreateFileOptions { IgnoreIfExists = true } },
                    new TextDocumentEdit
                    {
                        TextDocument = new OptionalVersionedTextDocumentIdentifier { Uri = uri, Version = null },
                        Edits = new[] { new TextEdit { Range = new Protocol.Range(), NewText = newText } },
                    },
                },
            };
        }

        var text = SourceText.From(existing);
        var edit = new TextEdit { Range = DiagnosticFactory.ToRange(text, span), NewText = newText };
        return WorkspaceEditBuilder.Create(new[] { (Path, new List<TextEdit> { edit }) }, snapshot, features);
    }

    /// <summary>The one change to make to the file's text (null: no file yet).</summary>
    public static (TextSpan Span, string NewText) Change(string? existing, string id)
    {
        var setting = $"dotnet_diagnostic.{id}.severity = none";
        if (string.IsNullOrEmpty(existing))
        {
            return (new TextSpan(0, 0), $"{Section}\n{setting}\n");
        }

        var newline = existing.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var text = SourceText.From(existing);
        var key = new Regex(@"^\s*dotnet_diagnostic\." + Regex.Escape(id) + @"\.severity\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        var inSection = false;
        TextLine? lastInSection = null;
        foreach (var line in text.Lines)
        {
            var content = text.ToString(line.Span).Trim();
            if (content.StartsWith("[", StringComparison.Ordinal))
            {
                if (inSection)
                {
                    break;
                }

                inSection = content == Section;
                if (inSection)
                {
                    lastInSection = line;
                }

                continue;
            }

            if (!inSection)
            {
                continue;
            }

            if (key.IsMatch(content))
            {
                return (line.Span, setting);
            }

            if (content.Length > 0)
            {
                lastInSection = line;
            }
        }

        if (lastInSection is { } last)
        {
            return (new TextSpan(last.End, 0), newline + setting);
        }

        var separator = existing.EndsWith("\n", StringComparison.Ordinal) ? newline : newline + newline;
        return (new TextSpan(existing.Length, 0), $"{separator}{Section}{newline}{setting}{newline}");
    }
}
