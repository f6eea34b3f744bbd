using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace CiOidcLint.LanguageServer.Hosting;

/// <summary>
/// LSP's base protocol (<c>Content-Length</c> frames) over stdin/stdout, kinder to bad input
/// than StreamJsonRpc's own handler, which drops the connection on the first frame it cannot
/// parse. A well-framed message that is not JSON gets a ParseError response (id null) and the
/// next frame is read as usual. A frame whose length lies cannot be resynchronised: that is
/// reported through <see cref="FramingError"/> and the connection ends, so the client restarts us.
/// </summary>
public sealed class LspMessageHandler : HeaderDelimitedMessageHandler
{
    private static readonly byte[] HeaderName = Encoding.ASCII.GetBytes("Content-");

    public LspMessageHandler(Stream writer, Stream reader, SystemTextJsonFormatter formatter)
        : base(writer, reader, formatter)
    {
    }

    /// <summary>What broke the framing, once it has broken.</summary>
    public string? FramingError { get; private set; }

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await base.ReadCoreAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (BadRpcHeaderException ex)
            {
                FramingError = "bad frame header: " + ex.Message;
                throw;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && !IsStreamFailure(ex))
            {
                if (NextBytesAreNotAFrame())
                {
                    FramingError = "a frame's Content-Length does not match its content: " + ex.Message;
                    throw new BadRpcHeaderException(FramingError, ex);
                }

                var code = ex is JsonException || ex.InnerException is JsonException ? JsonRpcErrorCode.ParseError : JsonRpcErrorCode.InvalidRequest;
                var error = new JsonRpcError
                {
                    RequestId = RequestId.Null,
                    Error = new JsonRpcError.ErrorDetail
                    {
                        Code = code,
                        Message = (code == JsonRpcErrorCode.ParseError ? "Parse error: " : "Invalid request: ") + ex.Message,
                    },
                };
                await WriteAsync(error, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsStreamFailure(Exception ex) => ex is IOException or ObjectDisposedException or EndOfStreamException;

    /// <summary>
    /// After content that did not parse: when the bytes already received after it do not start
    /// a header, the frame's length was wrong (too short), and every later frame would be
    /// misread too. Bytes not yet received cannot be judged, so only buffered ones count.
    /// </summary>
    private bool NextBytesAreNotAFrame()
    {
        if (Reader is null || !Reader.TryRead(out var result))
        {
            return false;
        }

        var buffer = result.Buffer;
        try
        {
            if (buffer.IsEmpty)
            {
                return false;
            }

            var length = (int)Math.Min(buffer.Length, HeaderName.Length);
            Span<byte> start = stackalloc byte[length];
            buffer.Slice(0, length).CopyTo(start);
            for (var i = 0; i < length; i++)
            {
                if (char.ToLowerInvariant((char)start[i]) != char.ToLowerInvariant((char)HeaderName[i]))
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            Reader.AdvanceTo(buffer.Start);
        }
    }
}
