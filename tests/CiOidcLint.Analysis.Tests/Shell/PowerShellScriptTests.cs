using CiOidcLint.Analysis.Shell;
using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Shell;

/// <summary>The PowerShell reader the exposure rules use: statements, pipelines, tokens, and no crash on anything.</summary>
public sealed class PowerShellScriptTests
{
    private static string Describe(string text)
        => string.Join(" ; ", PowerShellScript.Parse(text).Select(s =>
            (s.AssignedTo is { } name ? "$" + name + " = " : string.Empty)
            + (s.Blocks.IsEmpty ? string.Empty : "control[" + s.Blocks.Length + "] ")
            + string.Join(" | ", s.Pipeline.Select(c => string.Join(" ", c.Tokens.Select(t => t.Kind.ToString()[0] + ":" + t.Text))))));

    [Theory]
    [InlineData("$env:T | Out-File -FilePath token.txt", "E:$env:T | W:Out-File P:-FilePath W:token.txt")]
    [InlineData("$t = vault write -field=token auth/jwt/login; echo $t>x.txt", "$t = W:vault W:write P:-field=token W:auth/jwt/login ; W:echo E:$t O:> W:x.txt")]
    [InlineData("Write-Host 'a | b; c' # a comment | x", "W:Write-Host L:'a | b; c'")]
    [InlineData("$x = (Get-Content a.txt |\n  ConvertFrom-Json)", "$x = G:(Get-Content a.txt |\n  ConvertFrom-Json)")]
    [InlineData("aws sts `\n  get-caller-identity", "W:aws W:sts W:get-caller-identity")]
    [InlineData("aws sts `\r\n  get-caller-identity", "W:aws W:sts W:get-caller-identity")]
    [InlineData("if ($a) { Write-Host $b } else { $c }", "control[2] ")]
    [InlineData("[string]$env:VAULT_TOKEN = \"$($r.auth.client_token)\"", "$env:VAULT_TOKEN = E:\"$($r.auth.client_token)\"")]
    [InlineData("& \"C:\\Program Files\\vault.exe\" login 2>&1 | Out-Null", "O:& E:\"C:\\Program Files\\vault.exe\" W:login O:2>&1 | W:Out-Null")]
    [InlineData("<# block\n comment #> Write-Host hi", "W:Write-Host W:hi")]
    public void Statements_pipelines_and_tokens_are_read(string text, string expected)
        => Assert.Equal(expected, Describe(text));

    [Theory]
    [InlineData(100_000, "\"$(")]
    [InlineData(100_000, "(")]
    [InlineData(100_000, "{")]
    [InlineData(50_000, "@\"")]
    [InlineData(100_000, "`")]
    [InlineData(100_000, "'")]
    [InlineData(20_000, "$x = a | ")]
    public void Adversarial_input_neither_throws_nor_recurses_without_bound(int count, string piece)
    {
        var text = string.Concat(Enumerable.Repeat(piece, count));
        var statements = PowerShellScript.Parse(text);
        Assert.True(statements.Length <= text.Length + 1);
    }

    [Theory]
    [InlineData("${a")]
    [InlineData("$env:VAULT_ID_TOKEN | Out-File t.txt; ")]
    [InlineData("Remove-Item t.txt; ")]
    [InlineData("\"$($env:VAULT_ID_TOKEN -ne ")]
    [InlineData("[IO.File]::WriteAllText(")]
    [InlineData("Get-ChildItem a b ")]
    public void A_windows_job_with_an_adversarial_script_line_is_analysed_without_error(string piece)
    {
        var line = string.Concat(Enumerable.Repeat(piece, 40_000 / piece.Length));
        var yaml = "deploy:\n  tags: [windows]\n  id_tokens:\n    VAULT_ID_TOKEN:\n      aud: https://vault.acme.internal\n  script:\n    - |\n      "
            + line + "\n  artifacts:\n    paths: [\"*.txt\"]\n";
        var findings = Fixing.Analyze((".gitlab-ci.yml", yaml));
        Assert.DoesNotContain(findings, f => f.Id == "CIOL000");
    }
}
