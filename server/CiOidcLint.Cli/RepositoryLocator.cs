using System.IO;

namespace CiOidcLint.Cli;

internal static class RepositoryLocator
{
    /// <summary>The nearest folder at or above <paramref name="start"/> holding <c>.git</c> (a folder, or a file in worktrees and submodules); else <paramref name="start"/>.</summary>
    public static string FindRoot(string start)
    {
        for (var folder = Path.GetFullPath(start); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            var git = Path.Combine(folder, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return folder;
            }
        }

        return Path.GetFullPath(start);
    }
}
