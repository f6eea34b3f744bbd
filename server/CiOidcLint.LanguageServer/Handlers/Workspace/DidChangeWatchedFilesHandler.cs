using System.Collections.Generic;
using System.IO;
using System.Linq;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using CiOidcLint.LanguageServer.Workspace;

namespace CiOidcLint.LanguageServer.Handlers.Workspace;

/// <summary>
/// <c>workspace/didChangeWatchedFiles</c>: files of the pipeline that are not open, and
/// <c>.editorconfig</c> files, are read again, and everything is re-linted.
/// </summary>
public sealed class DidChangeWatchedFilesHandler : NotificationHandler<DidChangeWatchedFilesParams>
{
    public override string Method => "workspace/didChangeWatchedFiles";

    public override void Handle(DidChangeWatchedFilesParams? notification, ServerState state)
    {
        if (notification is null)
        {
            return;
        }

        Invalidate(state, notification.Changes.Select(c => c.Uri));
    }

    public static void Invalidate(ServerState state, IEnumerable<string> uris)
    {
        state.Workspace.Update(
            s =>
            {
                if (s.Disk is not { } disk)
                {
                    return s;
                }

                foreach (var uri in uris)
                {
                    var local = PathMapper.ToLocalPath(uri);
                    if (local is null)
                    {
                        continue;
                    }

                    // A folder renamed or deleted takes unknown files with it.
                    if (Directory.Exists(local) || !Path.HasExtension(local) && Path.GetFileName(local) != ".editorconfig")
                    {
                        disk.Clear();
                    }
                    else
                    {
                        disk.Invalidate(local);
                    }
                }

                return s.With();
            },
            WorkspaceChange.Environment);
    }
}
