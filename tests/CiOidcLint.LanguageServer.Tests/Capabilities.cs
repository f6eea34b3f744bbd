namespace CiOidcLint.LanguageServer.Tests;

/// <summary>Client capabilities as editors send them.</summary>
public static class Capabilities
{
    /// <summary>Roughly what VS Code sends (push diagnostics: no textDocument.diagnostic).</summary>
    public static JsonObject Full() => new()
    {
        ["workspace"] = new JsonObject
        {
            ["applyEdit"] = true,
            ["workspaceEdit"] = new JsonObject { ["documentChanges"] = true, ["resourceOperations"] = new JsonArray("create", "rename", "delete") },
            ["didChangeConfiguration"] = new JsonObject { ["dynamicRegistration"] = true },
            ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true },
            ["workspaceFolders"] = true,
            ["configuration"] = true,
        },
        ["textDocument"] = new JsonObject
        {
            ["publishDiagnostics"] = new JsonObject
            {
                ["relatedInformation"] = true,
                ["tagSupport"] = new JsonObject { ["valueSet"] = new JsonArray(1, 2) },
                ["versionSupport"] = true,
                ["codeDescriptionSupport"] = true,
            },
            ["codeAction"] = new JsonObject
            {
                ["codeActionLiteralSupport"] = new JsonObject { ["codeActionKind"] = new JsonObject { ["valueSet"] = new JsonArray("quickfix", "source", "source.fixAll") } },
                ["isPreferredSupport"] = true,
            },
            ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("markdown", "plaintext") },
            ["documentSymbol"] = new JsonObject { ["hierarchicalDocumentSymbolSupport"] = true },
            ["completion"] = new JsonObject
            {
                ["completionItem"] = new JsonObject { ["snippetSupport"] = true, ["tagSupport"] = new JsonObject { ["valueSet"] = new JsonArray(1) } },
            },
        },
    };

    /// <summary>A bare client: no tags, related information, code descriptions, document changes, registration or configuration.</summary>
    public static JsonObject Minimal() => new() { ["textDocument"] = new JsonObject { ["publishDiagnostics"] = new JsonObject() } };

    /// <summary>A client that pulls diagnostics (and can be asked to pull again).</summary>
    public static JsonObject Pull()
    {
        var capabilities = Full();
        capabilities["textDocument"]!["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false };
        capabilities["workspace"]!["diagnostics"] = new JsonObject { ["refreshSupport"] = true };
        return capabilities;
    }
}
