using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Tests.Syntax;

/// <summary>A position in a scalar's value maps back to the file through every scalar style.</summary>
public sealed class ScalarSourceMapTests
{
    private static (SyntaxFile File, YamlScalar Scalar) Parse(string text)
    {
        var file = SyntaxFile.Parse("a.yml", text);
        return (file, (YamlScalar)file.RootMapping!.Get("k")!);
    }

    private static string Mapped(string text, string needle)
    {
        var (file, scalar) = Parse(text);
        var at = scalar.Value.IndexOf(needle, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{needle}' not in value '{scalar.Value}'");
        return file.Text.ToString(scalar.MapToSource(at, needle.Length));
    }

    [Theory]
    [InlineData("k: echo $TOKEN\n")]
    [InlineData("k: 'echo $TOKEN'\n")]
    [InlineData("k: \"echo $TOKEN\"\n")]
    [InlineData("k: |\n  echo start\n  echo $TOKEN\n")]
    [InlineData("k: |\r\n  echo start\r\n  echo $TOKEN\r\n")]
    [InlineData("k: >\n  echo start\n  echo $TOKEN\n")]
    [InlineData("k: >-\n  a\n    more indented\n  echo $TOKEN\n")]
    [InlineData("k: !!str echo $TOKEN\n")]
    [InlineData("k: &anchor echo $TOKEN\n")]
    [InlineData("k: plain\n  continued $TOKEN\n")]
    public void A_value_position_maps_to_the_same_text(string text)
    {
        Assert.Equal("$TOKEN", Mapped(text, "$TOKEN"));
    }

    [Fact]
    public void Escapes_and_doubled_quotes_are_skipped()
    {
        Assert.Equal("$TOKEN", Mapped("k: \"a\\tb\\\"c\\u00e9 $TOKEN\"\n", "$TOKEN"));
        Assert.Equal("$TOKEN", Mapped("k: 'it''s $TOKEN'\n", "$TOKEN"));
        Assert.Equal("$TOKEN", Mapped("k: \"line \\\n   continued $TOKEN\"\n", "$TOKEN"));
    }

    [Fact]
    public void Positions_past_the_value_stay_inside_the_scalar()
    {
        var (_, scalar) = Parse("k: abc\nz: 1\n");
        Assert.InRange(scalar.MapToSource(100), 3, 6);
        Assert.Equal(3, scalar.MapToSource(-5));
    }
}
