namespace CiOidcLint.LanguageServer.Tests;

/// <summary>Applies LSP text edits to a string, as an editor does.</summary>
public static class TextEdits
{
    public static string Apply(string text, JsonArray edits)
    {
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }

        int Offset(JsonNode position)
        {
            var line = (int)position["line"]!;
            var character = (int)position["character"]!;
            return line >= lineStarts.Count ? text.Length : Math.Min(lineStarts[line] + character, text.Length);
        }

        var ordered = edits.Select(e => (Start: Offset(e!["range"]!["start"]!), End: Offset(e!["range"]!["end"]!), NewText: (string)e!["newText"]!))
            .OrderByDescending(e => e.Start)
            .ToList();
        foreach (var (start, end, newText) in ordered)
        {
            text = text[..start] + newText + text[end..];
        }

        return text;
    }

    /// <summary>The edits of a WorkspaceEdit for one URI, from documentChanges or changes.</summary>
    public static JsonArray For(JsonNode edit, string uri, int? expectedVersion = null)
    {
        if (edit["documentChanges"] is JsonArray documentChanges)
        {
            var change = documentChanges.Single(c => c!["textDocument"] is not null && (string?)c["textDocument"]!["uri"] == uri)!;
            Assert.True(change["textDocument"]!.AsObject().ContainsKey("version"));
            if (expectedVersion is not null)
            {
                Assert.Equal(expectedVersion, (int?)change["textDocument"]!["version"]);
            }

            return change["edits"]!.AsArray();
        }

        return edit["changes"]![uri]!.AsArray();
    }
}
