using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.Analysis.Syntax;
using CiOidcLint.LanguageServer.Workspace;
using Microsoft.CodeAnalysis.Text;

namespace CiOidcLint.LanguageServer.Features;

/// <summary>The document a position request is about: its file as analysed (or parsed alone when no pipeline holds it) and the offset.</summary>
public sealed record RequestDocument(WorkspaceAnalysis Analysis, SyntaxFile File, int Offset)
{
    public SourceText Text => File.Text;

    public static async Task<RequestDocument?> GetAsync(WorkspaceSnapshot snapshot, string uri, Protocol.Position? position, CancellationToken cancellationToken)
    {
        if (snapshot.PathOf(uri) is not { } path)
        {
            return null;
        }

        var analysis = await snapshot.GetAnalysisAsync(cancellationToken).ConfigureAwait(false);
        var file = analysis.GetFile(path);
        if (file is null)
        {
            var text = snapshot.Documents.Get(uri)?.Text ?? snapshot.Disk?.ReadFile(path);
            if (text is null)
            {
                return null;
            }

            file = SyntaxFile.Parse(path, text);
        }

        var offset = 0;
        if (position is not null)
        {
            try
            {
                offset = DocumentStore.ToOffset(file.Text, position);
            }
            catch (System.ArgumentException)
            {
                return null;
            }
        }

        return new RequestDocument(analysis, file, offset);
    }
}
