using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.LanguageServer.Features;
using CiOidcLint.LanguageServer.Hosting;
using CiOidcLint.LanguageServer.Protocol;
using StreamJsonRpc;

namespace CiOidcLint.LanguageServer.Handlers.EffectiveJobs;

/// <summary>
/// <c>workspace/executeCommand</c> of <c>cioidclint.showEffectiveJob</c> with the arguments
/// <c>[uri]</c> or <c>[uri, job]</c>: the text <c>cioidclint show</c> prints for that job, or for
/// every job of the pipeline the file belongs to. Any client can show it; VS Code opens it in a
/// read-only document.
/// </summary>
public sealed class EffectiveJobCommand : RequestHandler<ExecuteCommandParams, string>
{
    public const string Name = "cioidclint.showEffectiveJob";

    public override string Method => "workspace/executeCommand";

    public override async Task<string?> HandleAsync(ExecuteCommandParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (request.Command != Name)
        {
            throw Invalid($"unknown command '{request.Command}'; this server runs {Name}");
        }

        var arguments = request.Arguments ?? System.Array.Empty<JsonElement>();
        if (arguments.Count is < 1 or > 2 || arguments.Any(a => a.ValueKind != JsonValueKind.String))
        {
            throw Invalid($"{Name} takes a document's URI and, optionally, a job's name");
        }

        var uri = arguments[0].GetString()!;
        var jobName = arguments.Count == 2 ? arguments[1].GetString() : null;
        if (await RequestDocument.GetAsync(context.Snapshot, uri, null, cancellationToken).ConfigureAwait(false) is not { } document)
        {
            throw Invalid($"{uri} is not a file of this workspace");
        }

        var pipelines = document.Analysis.PipelinesOf(document.File.Path).Select(p => p.Pipeline).ToList();
        if (pipelines.Count == 0)
        {
            throw Invalid($"{document.File.Path} is in no pipeline the server knows: open the pipeline that includes it");
        }

        if (jobName is not null)
        {
            var (owner, job) = pipelines.Select(p => (Pipeline: p, Job: p.FindJob(jobName))).FirstOrDefault(x => x.Job is not null);
            if (job is null)
            {
                throw Invalid($"no job '{jobName}' in the pipeline of {document.File.Path}");
            }

            return Header(owner, $"job '{job.Name}'") + EffectiveJobWriter.Write(job);
        }

        var pipeline = pipelines[0];
        return Header(pipeline, "every job") + EffectiveJobWriter.Write(pipeline.ConcreteJobs);
    }

    private static string Header(PipelineConfig pipeline, string what)
        => $"# {what} of {pipeline.Root.Path} as GitLab composes it; each key says where it came from.\n# The same text as `cioidclint show`; read-only.\n\n";

    private static LocalRpcException Invalid(string message) => new(message) { ErrorCode = LspErrorCodes.InvalidParams };
}
