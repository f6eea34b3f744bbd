using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CiOidcLint.LanguageServer.Hosting;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace CiOidcLint.LanguageServer.Protocol;

/// <summary>
/// Source-generated JSON for every type that crosses the wire: what handlers take and return,
/// what the server sends, and the concrete types behind <c>object</c>-typed members
/// (<see cref="Registration.RegisterOptions"/>, <see cref="WorkspaceEdit.DocumentChanges"/>).
/// The native server has no reflection-based serializer, so a type missing here fails the
/// message it is in: the server asks for every handler's types and for every type it sends
/// when it starts (<see cref="Dispatcher"/>, <see cref="LanguageServerHost"/>), so a type
/// missing here stops the server at start-up, in every test.
/// <para>
/// Protocol members that have a default (<c>= new()</c>, <c>= Array.Empty…</c>) are settable,
/// not <c>init</c>: generated code sets every <c>init</c> member in one object initializer, so a
/// member the client left out would become null instead of keeping its default.
/// </para>
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(object))]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(JsonElement?))]
[JsonSerializable(typeof(JsonElement[]))]
[JsonSerializable(typeof(NoParams))]
// StreamJsonRpc's own user-data types: the id of $/cancelRequest (read with the converter the
// formatter adds to the options, which generated metadata looks up first) and an error's data.
[JsonSerializable(typeof(RequestId))]
[JsonSerializable(typeof(CommonErrorData))]
// Requests and notifications the client sends.
[JsonSerializable(typeof(InitializeParams))]
[JsonSerializable(typeof(InitializedParams))]
[JsonSerializable(typeof(SetTraceParams))]
[JsonSerializable(typeof(DidOpenTextDocumentParams))]
[JsonSerializable(typeof(DidChangeTextDocumentParams))]
[JsonSerializable(typeof(DidSaveTextDocumentParams))]
[JsonSerializable(typeof(DidCloseTextDocumentParams))]
[JsonSerializable(typeof(DidChangeConfigurationParams))]
[JsonSerializable(typeof(DidChangeWatchedFilesParams))]
[JsonSerializable(typeof(CodeActionParams))]
[JsonSerializable(typeof(DocumentDiagnosticParams))]
[JsonSerializable(typeof(LintWorkspaceResult))]
[JsonSerializable(typeof(DocumentSymbolParams))]
[JsonSerializable(typeof(ReferenceParams))]
[JsonSerializable(typeof(TextDocumentPositionParams))]
[JsonSerializable(typeof(CodeLensParams))]
[JsonSerializable(typeof(RenameParams))]
[JsonSerializable(typeof(ExecuteCommandParams))]
// Results.
[JsonSerializable(typeof(InitializeResult))]
[JsonSerializable(typeof(IReadOnlyList<CodeAction>))]
[JsonSerializable(typeof(DocumentDiagnosticReport))]
[JsonSerializable(typeof(IReadOnlyList<DocumentSymbol>))]
[JsonSerializable(typeof(IReadOnlyList<Location>))]
[JsonSerializable(typeof(CompletionList))]
[JsonSerializable(typeof(Hover))]
[JsonSerializable(typeof(IReadOnlyList<CodeLens>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(PrepareRenameResult))]
[JsonSerializable(typeof(WorkspaceEdit))]
// What the server sends the client.
[JsonSerializable(typeof(PublishDiagnosticsParams))]
[JsonSerializable(typeof(IReadOnlyList<Diagnostic>))]
[JsonSerializable(typeof(LogMessageParams))]
[JsonSerializable(typeof(LogTraceParams))]
[JsonSerializable(typeof(RegistrationParams))]
[JsonSerializable(typeof(UnregistrationParams))]
[JsonSerializable(typeof(ConfigurationParams))]
// Concrete types of object-typed members.
[JsonSerializable(typeof(DidChangeWatchedFilesRegistrationOptions))]
[JsonSerializable(typeof(DidChangeConfigurationRegistrationOptions))]
[JsonSerializable(typeof(TextDocumentRegistrationOptions))]
[JsonSerializable(typeof(TextDocumentEdit))]
[JsonSerializable(typeof(CreateFile))]
public sealed partial class LspJsonContext : JsonSerializerContext
{
    /// <summary>The generated metadata of <typeparamref name="T"/>; a type not listed above is a bug, said plainly.</summary>
    /// <summary>The types the server sends on its own: notifications, its requests, and the concrete types of object-typed members.</summary>
    public static void CheckOutgoingTypes()
    {
        _ = TypeInfo<PublishDiagnosticsParams>();
        _ = TypeInfo<LogMessageParams>();
        _ = TypeInfo<LogTraceParams>();
        _ = TypeInfo<RegistrationParams>();
        _ = TypeInfo<UnregistrationParams>();
        _ = TypeInfo<TextDocumentRegistrationOptions>();
        _ = TypeInfo<ConfigurationParams>();
        _ = TypeInfo<DidChangeWatchedFilesRegistrationOptions>();
        _ = TypeInfo<DidChangeConfigurationRegistrationOptions>();
        _ = TypeInfo<TextDocumentEdit>();
        _ = TypeInfo<CreateFile>();
        _ = TypeInfo<JsonElement?>();
        _ = TypeInfo<JsonElement[]>();
    }

    public static JsonTypeInfo<T> TypeInfo<T>()
        => Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
           ?? throw new InvalidOperationException($"{typeof(T)} is not listed in {nameof(LspJsonContext)}");
}
