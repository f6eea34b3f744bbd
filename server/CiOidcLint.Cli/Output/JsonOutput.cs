using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CiOidcLint.Cli.Output;

/// <summary>Shared settings of the JSON-based formats: indented, UTF-8 without a BOM, and readable non-ASCII (messages use '…').</summary>
internal static class JsonOutput
{
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Runs <paramref name="write"/> on a JSON writer and copies the UTF-8 result to <paramref name="writer"/>, with a final newline.</summary>
    public static void WriteTo(TextWriter writer, System.Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            write(json);
        }

        writer.Write(Encoding.UTF8.GetString(buffer.ToArray()));
        writer.WriteLine();
    }
}
