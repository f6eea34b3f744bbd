using CiOidcLint.Analysis.Shell;

namespace CiOidcLint.Analysis.Tests.Shell;

public sealed class VariableScannerTests
{
    private static (string Name, int Start, int Length, VariableForm Form)[] Scan(string text) =>
        VariableScanner.Find(text).Select(r => (r.Name, r.Start, r.Length, r.Form)).ToArray();

    [Fact]
    public void Dollar_and_braced_forms()
    {
        Assert.Equal(
            new[] { ("A", 0, 2, VariableForm.Dollar), ("B_2", 3, 6, VariableForm.Braced) },
            Scan("$A ${B_2}"));
    }

    [Fact]
    public void Names_respect_word_boundaries()
    {
        Assert.Equal(new[] { "CI_JOB_JWT_FOO" }, Scan("$CI_JOB_JWT_FOO").Select(r => r.Name).ToArray());
        Assert.Equal(new[] { "CI_JOB_JWT" }, Scan("${CI_JOB_JWT}_FOO").Select(r => r.Name).ToArray());
        Assert.Equal(new[] { "CI_JOB_JWT_V2" }, Scan("%CI_JOB_JWT_V2%").Select(r => r.Name).ToArray());
        Assert.Equal(new[] { "CI_JOB_JWT_V1" }, Scan("$env:CI_JOB_JWT_V1").Select(r => r.Name).ToArray());
    }

    [Fact]
    public void Double_dollar_is_gitlabs_escape()
    {
        Assert.Empty(Scan("$$CI_JOB_JWT $${CI_JOB_JWT} $$"));
        Assert.Equal(new[] { ("B", 3, 2, VariableForm.Dollar) }, Scan("$$A$B"));
        Assert.Equal(new[] { ("A", 2, 2, VariableForm.Dollar) }, Scan("$$$A"));
    }

    [Fact]
    public void Cmd_percent_references()
    {
        Assert.Equal(
            new[] { ("A", 5, 3, VariableForm.Percent), ("B", 8, 3, VariableForm.Percent) },
            Scan("echo %A%%B% 100% %% %1 %%i %not closed"));
    }

    [Fact]
    public void PowerShell_env_references()
    {
        var found = VariableScanner.Find("Write-Output $env:CI_JOB_JWT; ${env:TOKEN} $Env:X");
        Assert.Equal(new[] { "CI_JOB_JWT", "TOKEN", "X" }, found.Select(r => r.Name).ToArray());
        Assert.All(found, r => Assert.Equal(VariableForm.PowerShellEnv, r.Form));
        Assert.Equal(13, found[0].Start);
        Assert.Equal("$env:CI_JOB_JWT".Length, found[0].Length);
        Assert.Equal(18, found[0].NameStart);
        Assert.Equal("${env:TOKEN}".Length, found[1].Length);
    }

    [Fact]
    public void Rules_if_expressions()
    {
        var found = VariableScanner.Find("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_JOB_JWT_V2 != null");
        Assert.Equal(new[] { "CI_COMMIT_BRANCH", "CI_DEFAULT_BRANCH", "CI_JOB_JWT_V2" }, found.Select(r => r.Name).ToArray());
    }

    [Fact]
    public void Expansion_operators_extend_the_reference_to_its_brace()
    {
        const string text = "${A:-${B}} x";
        var found = VariableScanner.Find(text);
        Assert.Equal(new[] { "A", "B" }, found.Select(r => r.Name).ToArray());
        Assert.Equal(10, found[0].Length);
        Assert.Equal(2, found[0].NameStart);
        Assert.Equal(4, found[1].Length);
    }

    [Theory]
    [InlineData("$")]
    [InlineData("$1")]
    [InlineData("${")]
    [InlineData("${}")]
    [InlineData("${1}")]
    [InlineData("${A.b}")]
    [InlineData("%")]
    [InlineData("%A")]
    [InlineData("% A%")]
    [InlineData("price: 5$ or 5%")]
    public void Non_references(string text)
    {
        Assert.Empty(VariableScanner.Find(text));
    }

    [Fact]
    public void Env_alone_is_an_ordinary_name()
    {
        Assert.Equal(new[] { ("env", 0, 4, VariableForm.Dollar) }, Scan("$env"));
        Assert.Equal(new[] { ("env", 0, 4, VariableForm.Dollar) }, Scan("$env:"));
    }

    [Fact]
    public void Quotes_mean_nothing_to_the_scanner()
    {
        Assert.Equal(new[] { "A", "B" }, Scan("'$A' \"$B\"").Select(r => r.Name).ToArray());
    }
}
