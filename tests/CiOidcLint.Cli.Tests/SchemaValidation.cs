using NJsonSchema;

namespace CiOidcLint.Cli.Tests;

/// <summary>Validates JSON against the schemas the repository ships in <c>schemas/</c>.</summary>
public static class SchemaValidation
{
    private static readonly Dictionary<string, Lazy<JsonSchema>> Schemas = new[] { "sarif-schema-2.1.0.json", "cioidclint-report.schema.json", "cioidclint-baseline.schema.json" }
        .ToDictionary(name => name, name => new Lazy<JsonSchema>(() => JsonSchema.FromFileAsync(System.IO.Path.Combine(PublishedCli.RepositoryRoot, "schemas", name)).GetAwaiter().GetResult()));

    /// <summary>Fails with every validation error, path and kind, when <paramref name="json"/> does not match.</summary>
    public static void AssertValid(string schemaFile, string json)
    {
        var errors = Schemas[schemaFile].Value.Validate(json);
        Assert.True(errors.Count == 0, $"{schemaFile}: {errors.Count} validation errors:\n" + string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind} {e}")));
    }
}
