using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Tests.Syntax;

public sealed class YamlTreeBuilderTests
{
    [Fact]
    public void Scalars_know_their_spans_in_crlf_text()
    {
        var file = SyntaxFile.Parse("a.yml", "a: 1\r\nb: \"x😀y\"\r\n");
        var b = (YamlScalar)file.RootMapping!.Get("b")!;
        Assert.Equal("x😀y", b.Value);
        Assert.Equal("\"x😀y\"", file.Text.ToString(b.Span));
    }
}
