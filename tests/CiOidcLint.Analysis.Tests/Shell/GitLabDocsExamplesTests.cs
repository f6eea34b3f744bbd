using CiOidcLint.Analysis.Shell;
using static CiOidcLint.Analysis.Tests.Shell.ShellTestHelpers;

namespace CiOidcLint.Analysis.Tests.Shell;

/// <summary>Script lines from GitLab's OIDC documentation, as the rules will see them.</summary>
public sealed class GitLabDocsExamplesTests
{
    [Fact]
    public void Vault_login_with_export()
    {
        const string text = "export VAULT_TOKEN=\"$(vault write -field=token auth/jwt/login role=myproject-example jwt=$VAULT_ID_TOKEN)\"";
        var script = ShellParser.Parse(text);
        Assert.True(script.IsComplete);
        var export = Assert.Single(script.Commands);
        Assert.Equal("export", export.Name);
        Assert.Empty(export.Assignments);
        Assert.Equal(2, export.Words.Length);

        var word = export.Words[1];
        Assert.True(word.TryGetAssignment(out string name, out var valueOffset));
        Assert.Equal("VAULT_TOKEN", name);
        Assert.Equal('"', word.RawText[valueOffset]);

        var substitution = Assert.Single(word.Substitutions);
        Assert.Equal(SubstitutionForm.Dollar, substitution.Form);
        Assert.True(substitution.InDoubleQuotes);
        Assert.Equal(text.IndexOf("$(", StringComparison.Ordinal), substitution.Start);
        var vault = Assert.Single(substitution.Inner.Commands);
        Assert.Equal("vault", vault.Name);
        Assert.Equal(
            new[] { "vault", "write", "-field=token", "auth/jwt/login", "role=myproject-example", "<jwt=$VAULT_ID_TOKEN>" },
            Values(vault));

        var reference = Assert.Single(script.Variables);
        Assert.Equal("VAULT_ID_TOKEN", reference.Name);
        Assert.Equal(text.IndexOf("$VAULT_ID_TOKEN", StringComparison.Ordinal), reference.Start);
        Assert.Equal("$VAULT_ID_TOKEN".Length, reference.Length);
        Assert.True(reference.InSubstitution);
        Assert.False(reference.InDoubleQuotes);
        Assert.Same(reference, Assert.Single(substitution.Inner.Variables));

        // jwt=$VAULT_ID_TOKEN is an argument of vault with the shape of an assignment.
        Assert.True(vault.Words[5].TryGetAssignment(out ShellAssignment? jwt));
        Assert.Equal("jwt", jwt!.Name);
        Assert.Same(reference, Assert.IsType<VariablePart>(Assert.Single(jwt.Value.Parts)).Reference);
    }

    private const string AwsFolded =
        "aws_sts_output=$(aws sts assume-role-with-web-identity --role-arn ${ROLE_ARN} "
        + "--role-session-name \"GitLabRunner-${CI_PROJECT_ID}-${CI_PIPELINE_ID}\" "
        + "--web-identity-token ${GITLAB_OIDC_TOKEN} --duration-seconds 3600 "
        + "--query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text)";

    [Fact]
    public void Aws_assume_role_folded_into_one_line()
    {
        var script = ShellParser.Parse(AwsFolded);
        Assert.True(script.IsComplete);
        var command = Assert.Single(script.Commands);
        Assert.Null(command.Name);
        var assignment = Assert.Single(command.Assignments);
        Assert.Equal("aws_sts_output", assignment.Name);
        var substitution = Assert.Single(assignment.Value.Substitutions);
        var aws = Assert.Single(substitution.Inner.Commands);
        Assert.Equal("aws", aws.Name);
        Assert.Equal("assume-role-with-web-identity", aws.Words[2].LiteralValue);

        var flag = aws.Words.Select((w, i) => (w, i)).Single(x => x.w.LiteralValue == "--web-identity-token").i;
        var tokenPart = Assert.IsType<VariablePart>(Assert.Single(aws.Words[flag + 1].Parts));
        Assert.Equal("GITLAB_OIDC_TOKEN", tokenPart.Reference.Name);
        Assert.Equal(VariableForm.Braced, tokenPart.Reference.Form);
        Assert.Equal("Credentials.[AccessKeyId,SecretAccessKey,SessionToken]", aws.Words[aws.Words.Length - 3].LiteralValue);

        Assert.Equal(new[] { "ROLE_ARN", "CI_PROJECT_ID", "CI_PIPELINE_ID", "GITLAB_OIDC_TOKEN" }, script.Variables.Select(v => v.Name).ToArray());
        Assert.All(script.Variables, v => Assert.True(v.InSubstitution));
        var roleArn = script.Variables[0];
        Assert.Equal(AwsFolded.IndexOf("${ROLE_ARN}", StringComparison.Ordinal), roleArn.Start);
        Assert.Equal("${ROLE_ARN}".Length, roleArn.Length);
        Assert.Equal(roleArn.Start + 2, roleArn.NameStart);
        Assert.True(script.Variables[1].InDoubleQuotes);
    }

    [Fact]
    public void Aws_assume_role_continued_with_backslashes()
    {
        var text = AwsFolded.Replace(" --", " \\\n  --");
        var script = ShellParser.Parse(text);
        Assert.True(script.IsComplete);
        var aws = Assert.Single(script.Commands[0].Assignments[0].Value.Substitutions[0].Inner.Commands);
        Assert.Equal("aws", aws.Name);
        Assert.Equal(15, aws.Words.Length);
    }

    [Fact]
    public void Aws_assume_role_with_bare_line_breaks_splits_like_bash_does()
    {
        // A literal block (|) without backslashes: each line is a command of its own inside $(...).
        var text = AwsFolded.Replace(" --", "\n--");
        var script = ShellParser.Parse(text);
        Assert.True(script.IsComplete);
        var inner = script.Commands[0].Assignments[0].Value.Substitutions[0].Inner;
        Assert.Equal(
            new[] { "aws", "--role-arn", "--role-session-name", "--web-identity-token", "--duration-seconds", "--query", "--output" },
            Names(inner));
        Assert.Equal(ShellOperator.Newline, inner.Commands[0].Terminator);
        Assert.Equal(4, script.Variables.Length);
    }

    [Fact]
    public void Aws_credentials_exported_from_printf()
    {
        const string text = "export $(printf \"AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s AWS_SESSION_TOKEN=%s\" "
            + "$(aws sts assume-role-with-web-identity --role-arn ${ROLE_ARN} --web-identity-token ${GITLAB_OIDC_TOKEN} --output text))";
        var script = ShellParser.Parse(text);
        Assert.True(script.IsComplete);
        var export = Assert.Single(script.Commands);
        Assert.Equal("export", export.Name);
        var word = export.Words[1];
        Assert.False(word.TryGetAssignment(out string _, out _));
        var printf = Assert.IsType<CommandSubstitution>(Assert.Single(word.Parts));
        Assert.Equal("printf", printf.Inner.Commands[0].Name);
        var aws = Assert.Single(printf.Inner.Commands[0].Words[2].Substitutions);
        Assert.Equal("aws", aws.Inner.Commands[0].Name);
    }

    [Fact]
    public void Second_export_line_only_formats_a_variable()
    {
        var script = ShellParser.Parse("export $(printf \"AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s AWS_SESSION_TOKEN=%s\" $aws_sts_output)");
        var printf = script.Commands[0].Words[1].Substitutions[0].Inner.Commands[0];
        Assert.Equal("printf", printf.Name);
        Assert.Empty(printf.Words[2].Substitutions);
        Assert.Equal("aws_sts_output", Assert.Single(script.Variables).Name);
    }

    [Fact]
    public void Gcp_token_written_to_a_file()
    {
        var script = ShellParser.Parse("echo ${GITLAB_OIDC_TOKEN} > .ci_job_jwt_file");
        var echo = Assert.Single(script.Commands);
        Assert.Equal(new[] { "echo", "<${GITLAB_OIDC_TOKEN}>" }, Values(echo));
        Assert.Equal(".ci_job_jwt_file", echo.Redirections[0].Target!.LiteralValue);
    }

    [Fact]
    public void Azure_login_with_a_federated_token()
    {
        var script = ShellParser.Parse("az login --service-principal -u $AZURE_CLIENT_ID -t $AZURE_TENANT_ID --federated-token $GITLAB_OIDC_TOKEN");
        var az = Assert.Single(script.Commands);
        Assert.Equal("az", az.Name);
        Assert.Equal(new[] { "AZURE_CLIENT_ID", "AZURE_TENANT_ID", "GITLAB_OIDC_TOKEN" }, script.Variables.Select(v => v.Name).ToArray());
    }

    [Fact]
    public void And_list_on_a_script_line()
    {
        var script = ShellParser.Parse("cd terraform && terraform init -backend-config=\"token=${CI_JOB_JWT_V2}\"");
        Assert.Equal(new[] { "cd", "terraform" }, Names(script));
        Assert.Equal(ShellOperator.AndIf, script.Commands[0].Terminator);
        Assert.Equal("CI_JOB_JWT_V2", Assert.Single(script.Variables).Name);
    }
}
