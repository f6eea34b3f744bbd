using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Rules;

/// <summary>CIOL018: a credential in the job log in a form GitLab does not mask.</summary>
public sealed class CredentialInJobLogRuleTests
{
    private const string Tokens = """
        job:
          id_tokens:
            VAULT_ID_TOKEN:
              aud: https://vault.acme.internal
            AWS_ID_TOKEN:
              aud: https://sts.amazonaws.com
          script:

        """;

    private static List<string> Findings(string yaml)
        => Fixing.Analyze((".gitlab-ci.yml", yaml)).Where(f => f.Id == "CIOL018")
            .Select(f => $"{f.Location.LineSpan.Start.Line + 1}:{f.Location.LineSpan.Start.Character + 1} {f.Message}").ToList();

    private static List<string> InScript(params string[] lines)
        => Findings(Tokens + string.Concat(lines.Select(l => "    - " + l + "\n")));

    [Fact]
    public void Logins_and_reads_through_the_http_api_are_followed_like_the_clis()
    {
        var findings = Findings(Tokens + """
                - |
                  curl --request POST --data "{\"jwt\": \"$VAULT_ID_TOKEN\", \"role\": \"ci\"}" "$VAULT_ADDR/v1/auth/jwt/login"
                - |
                  export VAULT_TOKEN="$(curl -sf --data "jwt=$VAULT_ID_TOKEN" $VAULT_ADDR/v1/auth/gitlab/login | jq -r .auth.client_token)"
                  echo "token: $VAULT_TOKEN"
                - curl -s -H "X-Vault-Token $VAULT_TOKEN" "$VAULT_ADDR/v1/secret/data/app/prod"
                - curl -s "https://sts.amazonaws.com/?Action=AssumeRoleWithWebIdentity&RoleArn=$ROLE&WebIdentityToken=$AWS_ID_TOKEN"
            """);
        Assert.Equal(4, findings.Count);
        Assert.Contains("the Vault token from 'curl' (Vault's login API)", findings[0], StringComparison.Ordinal);
        Assert.StartsWith("12:7 ", findings[1], StringComparison.Ordinal);
        Assert.Contains("the Vault token from 'curl' (Vault's login API) (in VAULT_TOKEN)", findings[1], StringComparison.Ordinal);
        Assert.Contains("the secret from 'curl' (Vault's API)", findings[2], StringComparison.Ordinal);
        Assert.Contains("the AWS keys from 'curl' (the STS API)", findings[3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("curl -sf \"$VAULT_ADDR/v1/sys/health\"")]
    [InlineData("curl -sf -H \"X-Vault-Token $VAULT_TOKEN\" -o secret.json \"$VAULT_ADDR/v1/secret/data/app\"")]
    [InlineData("curl -sf --data \"jwt=$VAULT_ID_TOKEN\" $VAULT_ADDR/v1/auth/jwt/login > /dev/null")]
    [InlineData("curl -sf $VAULT_ADDR/v1/auth/jwt/login")]
    [InlineData("curl -sf -X DELETE -H \"X-Vault-Token $T\" $VAULT_ADDR/v1/secret/data/old")]
    [InlineData("curl -sSf https://gitlab.com/api/v4/projects")]
    public void Http_calls_that_print_no_credential_are_not_reported(string line)
        => Assert.Empty(InScript(line));

    [Fact]
    public void PowerShell_prints_of_logins_captured_logins_encoded_tokens_and_environment_dumps_are_reported()
    {
        var findings = Findings("""
            deploy:
              tags: [windows]
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: https://vault.acme.internal
              script:
                - vault write auth/jwt/login role=ci jwt=$env:VAULT_ID_TOKEN
                - $resp = Invoke-RestMethod -Method Post -Uri "$env:VAULT_ADDR/v1/auth/jwt/login" -Body (@{ jwt = $env:VAULT_ID_TOKEN; role = 'ci' } | ConvertTo-Json)
                - Write-Host "Vault token $($resp.auth.client_token)"
                - $env:VAULT_TOKEN = $resp.auth.client_token
                - 'Get-ChildItem env:'
                - Write-Host ([Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($env:VAULT_ID_TOKEN)))
                - $token = vault write -field=token auth/jwt/login role=ci jwt=$env:VAULT_ID_TOKEN
                - $token
            """);
        Assert.True(findings.Count == 5, string.Join("\n", findings));
        Assert.StartsWith("7:7 'vault write auth/jwt/login' prints the Vault token from 'vault write' to the job log, where GitLab masks none of it; capture it in a variable (in job 'deploy')", findings[0], StringComparison.Ordinal);
        Assert.StartsWith("9:7 'Write-Host' prints the Vault token from 'Invoke-RestMethod' (Vault's login API) (in $resp) to the job log", findings[1], StringComparison.Ordinal);
        Assert.StartsWith("11:8 'Get-ChildItem env:' prints every environment variable, the Vault token from 'Invoke-RestMethod' (Vault's login API) (in $resp) among them", findings[2], StringComparison.Ordinal);
        Assert.StartsWith("12:7 'Write-Host' prints the ID token VAULT_ID_TOKEN base64-encoded", findings[3], StringComparison.Ordinal);
        Assert.StartsWith("14:7 '$token' prints the Vault token from 'vault write' (in $token) to the job log", findings[4], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Write-Host \"Logging in with $env:VAULT_ID_TOKEN\"")]
    [InlineData("Write-Host \"Token length: $($env:VAULT_ID_TOKEN.Length)\"")]
    [InlineData("$token = vault write -field=token auth/jwt/login role=ci jwt=$env:VAULT_ID_TOKEN")]
    [InlineData("vault write auth/jwt/login role=ci jwt=$env:VAULT_ID_TOKEN | Out-Null")]
    [InlineData("vault write auth/jwt/login role=ci jwt=$env:VAULT_ID_TOKEN > $null")]
    [InlineData("aws sts assume-role-with-web-identity --role-arn $env:ROLE --role-session-name ci --web-identity-token $env:VAULT_ID_TOKEN --query Credentials.Expiration")]
    [InlineData("Get-ChildItem env:")]
    [InlineData("Write-Host '$token'")]
    [InlineData("vault write -field=token auth/jwt/login role=ci jwt=$env:VAULT_ID_TOKEN | Set-Content $env:TEMP\\vault-token")]
    public void PowerShell_lines_that_print_no_unmasked_credential_are_not_reported(string line)
        => Assert.Empty(Findings("deploy:\n  tags: [windows]\n  id_tokens:\n    VAULT_ID_TOKEN:\n      aud: https://vault.acme.internal\n  script:\n    - '" + line.Replace("'", "''", StringComparison.Ordinal) + "'\n"));

    [Theory]
    [InlineData("Get-ChildItem -Path out -Filter *.dll", "")]
    [InlineData("gci out -Recurse -Include *.nupkg", "")]
    [InlineData("$creds = (aws sts assume-role-with-web-identity --role-arn $env:ROLE --role-session-name ci --web-identity-token $env:VAULT_ID_TOKEN | ConvertFrom-Json).Credentials", "Write-Host \"expires at $($creds.Expiration)\"")]
    [InlineData("$resp = Invoke-RestMethod -Method Post -Uri \"$env:VAULT_ADDR/v1/auth/jwt/login\" -Body @{ jwt = $env:VAULT_ID_TOKEN }", "Write-Host \"lease $($resp.auth.lease_duration)s\"")]
    [InlineData("$resp = Invoke-RestMethod -Method Post -Uri \"$env:VAULT_ADDR/v1/auth/jwt/login\" -Body @{ jwt = $env:VAULT_ID_TOKEN }", "$ttl = $resp.auth.lease_duration; Write-Host \"TTL $ttl\"")]
    [InlineData("$token = vault write -field=token auth/jwt/login role=ci jwt=$env:VAULT_ID_TOKEN", "Write-Host \"prefix $($token.Substring(0,4))\"")]
    [InlineData("$token = vault write -field=token auth/jwt/login role=ci jwt=$env:VAULT_ID_TOKEN", "Write-Host \"present: $(-not [string]::IsNullOrEmpty($token))\"")]
    [InlineData("$token = vault write -field=token auth/jwt/login role=ci jwt=$env:VAULT_ID_TOKEN", "Write-Host \"$token\" 6> $null")]
    [InlineData("function Get-VaultToken { vault write -field=token auth/jwt/login role=ci jwt=$env:VAULT_ID_TOKEN }", "")]
    [InlineData("$null = vault login -method=jwt role=ci jwt=$env:VAULT_ID_TOKEN", "Write-Host \"cache: $($cache -ne $null)\"")]
    [InlineData("ForEach-Object { $_ }", "")]
    public void PowerShell_jobs_that_only_look_like_they_print_a_credential_are_not_reported(string first, string second)
        => Assert.Empty(Findings("deploy:\n  tags: [windows]\n  id_tokens:\n    VAULT_ID_TOKEN:\n      aud: https://vault.acme.internal\n  script:\n    - '" + first.Replace("'", "''", StringComparison.Ordinal) + "'\n"
            + (second.Length > 0 ? "    - '" + second.Replace("'", "''", StringComparison.Ordinal) + "'\n" : string.Empty)));

    [Fact]
    public void PowerShell_host_output_is_printed_whatever_the_pipeline_does_and_paths_and_case_do_not_hide_a_login()
    {
        var findings = Findings("""
            deploy:
              tags: [windows]
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: https://vault.acme.internal
              script:
                - $token = vault write -field=token auth/jwt/login role=ci jwt=$env:VAULT_ID_TOKEN
                - Write-Host "$token" | Out-Null
                - .\vault.exe write auth/jwt/login role=ci jwt=$env:VAULT_ID_TOKEN
                - |
                  $Env:VAULT_TOKEN =
                    vault write -field=token auth/jwt/login role=ci jwt=$env:VAULT_ID_TOKEN
                  GET-CHILDITEM Env:
            """);
        Assert.True(findings.Count == 3, string.Join("\n", findings));
        Assert.StartsWith("8:7 'Write-Host' prints the Vault token from 'vault write' (in $token)", findings[0], StringComparison.Ordinal);
        Assert.StartsWith("9:7 '.\\vault.exe write auth/jwt/login' prints the Vault token from 'vault write'", findings[1], StringComparison.Ordinal);
        Assert.StartsWith("13:7 'GET-CHILDITEM env:' prints every environment variable, the Vault token from 'vault write' (in $env:VAULT_TOKEN) among them", findings[2], StringComparison.Ordinal);
    }

    [Fact]
    public void A_login_whose_output_reaches_the_log_is_reported()
    {
        var findings = InScript(
            "vault write auth/jwt/login role=ci jwt=$VAULT_ID_TOKEN",
            "aws sts assume-role-with-web-identity --role-arn \"$ROLE\" --role-session-name ci --web-identity-token \"$AWS_ID_TOKEN\"",
            "vault kv get secret/app",
            "gcloud auth print-access-token",
            "az account get-access-token --resource https://vault.azure.net");
        Assert.Equal(5, findings.Count);
        Assert.StartsWith("8:7 'vault write auth/jwt/login' prints the Vault token from 'vault write' to the job log, where GitLab masks none of it; capture it in a variable or narrow it (--query, -field=) (in job 'job')", findings[0], StringComparison.Ordinal);
        Assert.Contains("the AWS keys from 'aws sts'", findings[1], StringComparison.Ordinal);
        Assert.Contains("the secret from 'vault kv get'", findings[2], StringComparison.Ordinal);
        Assert.Contains("the access token from 'gcloud auth'", findings[3], StringComparison.Ordinal);
        Assert.Contains("the access token from 'az account'", findings[4], StringComparison.Ordinal);
    }

    [Fact]
    public void Captured_redirected_piped_and_narrowed_logins_are_not_reported()
    {
        Assert.Empty(InScript(
            "export VAULT_TOKEN=\"$(vault write -field=token auth/jwt/login role=ci jwt=$VAULT_ID_TOKEN)\"",
            "vault write auth/jwt/login role=ci jwt=$VAULT_ID_TOKEN > /dev/null",
            "aws sts assume-role-with-web-identity --web-identity-token \"$AWS_ID_TOKEN\" --role-arn \"$ROLE\" --role-session-name ci | jq -r .Credentials.Expiration",
            "aws sts assume-role-with-web-identity --web-identity-token \"$AWS_ID_TOKEN\" --role-arn \"$ROLE\" --role-session-name ci --query 'Credentials.Expiration' --output text",
            "vault login -method=jwt -no-print role=ci jwt=$VAULT_ID_TOKEN",
            "vault kv get -field=lease_duration secret/app",
            "vault status",
            "aws sts get-caller-identity"));
    }

    [Fact]
    public void A_credential_transformed_on_its_way_to_the_log_is_reported_but_a_decoded_payload_is_not()
    {
        var findings = InScript(
            "echo \"$VAULT_ID_TOKEN\" | base64",
            "echo $AWS_ID_TOKEN | rev",
            "echo \"$VAULT_ID_TOKEN\" | cut -d. -f2 | base64 -d",
            "echo \"$VAULT_ID_TOKEN\" | base64 > token.b64",
            "echo \"$VAULT_ID_TOKEN\"");
        Assert.Equal(2, findings.Count);
        Assert.StartsWith("8:7 'echo … | base64' prints the ID token VAULT_ID_TOKEN transformed, so the job log's masking does not recognise it", findings[0], StringComparison.Ordinal);
        Assert.StartsWith("9:7 'echo … | rev' prints the ID token AWS_ID_TOKEN", findings[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_printed_in_pieces_is_reported_once_and_a_single_slice_is_not()
    {
        var findings = InScript(
            "echo \"${VAULT_ID_TOKEN:0:500}\"",
            "echo \"${VAULT_ID_TOKEN:500}\"",
            "echo \"${AWS_ID_TOKEN:0:20}\"");
        Assert.StartsWith("8:7 'VAULT_ID_TOKEN' is printed in 2 pieces (here and on later lines), which together form the ID token VAULT_ID_TOKEN", Assert.Single(findings), StringComparison.Ordinal);

        var cut = InScript("echo \"$AWS_ID_TOKEN\" | cut -c1-600", "echo \"$AWS_ID_TOKEN\" | cut -c601-");
        Assert.StartsWith("8:7 'AWS_ID_TOKEN' is printed in 2 pieces", Assert.Single(cut), StringComparison.Ordinal);
        Assert.Empty(InScript("echo \"$AWS_ID_TOKEN\" | cut -d. -f2 | base64 -d", "echo \"${VAULT_ID_TOKEN:-unset}\" > /dev/null"));
    }

    [Fact]
    public void A_captured_login_printed_or_dumped_is_reported()
    {
        var findings = InScript(
            "VAULT_TOKEN=$(vault write -field=token auth/jwt/login role=ci jwt=$VAULT_ID_TOKEN)",
            "echo \"token=$VAULT_TOKEN\"",
            "env",
            "export VAULT_TOKEN",
            "printenv",
            "set");
        Assert.True(3 == findings.Count, string.Join("\n", findings));
        Assert.StartsWith("9:7 'echo' prints the Vault token from 'vault write' (in VAULT_TOKEN) to the job log, where GitLab does not mask it", findings[0], StringComparison.Ordinal);
        Assert.StartsWith("12:7 'printenv' prints every exported variable, the Vault token from 'vault write' (in VAULT_TOKEN) among them", findings[1], StringComparison.Ordinal);
        Assert.StartsWith("13:7 'set' prints every variable of the shell", findings[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Tracing_is_reported_at_the_set_x_when_a_captured_login_is_assigned_after_it()
    {
        var findings = Findings(Tokens + """
                - set -x
                - echo "logging in"
                - VAULT_TOKEN=$(vault write -field=token auth/jwt/login role=ci jwt=$VAULT_ID_TOKEN)
                - vault kv get -field=password secret/db > /dev/null
            """);
        Assert.Equal(
            "8:7 'set -x' prints every command after it expanded, so the Vault token from 'vault write' (in VAULT_TOKEN) reaches the job log, where GitLab does not mask it (in job 'job')",
            Assert.Single(findings));

        Assert.Empty(Findings(Tokens + """
                - set -x
                - make build
                - set +x
                - VAULT_TOKEN=$(vault write -field=token auth/jwt/login role=ci jwt=$VAULT_ID_TOKEN)
                - vault kv get -field=password secret/db > /dev/null
            """));
    }

    [Fact]
    public void Debug_trace_in_a_job_with_id_tokens_or_secrets_is_reported_and_elsewhere_not()
    {
        var finding = Assert.Single(Findings("""
            variables:
              CI_DEBUG_TRACE: "true"
            deploy:
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: https://vault.acme.internal
              script: [./deploy.sh]
            build:
              script: [make]
            quiet:
              variables:
                CI_DEBUG_TRACE: "false"
              id_tokens:
                T:
                  aud: https://x.acme.internal
              script: [./use.sh $T]
            """));
        Assert.StartsWith("2:3 CI_DEBUG_TRACE prints every variable and every command of the job, the ID token VAULT_ID_TOKEN among them", finding, StringComparison.Ordinal);
        Assert.EndsWith("(in job 'deploy')", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Masked_values_printed_as_they_are_are_not_reported()
        => Assert.Empty(InScript("echo \"$VAULT_ID_TOKEN\"", "printenv", "env"));

    [Fact]
    public void Review_cases_what_reaches_the_log_and_what_does_not()
    {
        Assert.Empty(InScript(
            "EXPIRY=$(aws sts assume-role-with-web-identity --role-arn \"$ROLE\" --web-identity-token \"$AWS_ID_TOKEN\" --role-session-name ci --query Credentials.Expiration --output text)",
            "echo \"valid until $EXPIRY\"",
            "VAULT_TOKEN=$(vault write -field=token auth/jwt/login role=ci jwt=$VAULT_ID_TOKEN)",
            "echo \"token length ${#VAULT_TOKEN}\"",
            "echo \"$VAULT_ID_TOKEN\" | cut -d. -f2 | base64 -di | jq .",
            "vault login --no-print -method=jwt role=ci jwt=$VAULT_ID_TOKEN"));

        var findings = InScript(
            "vault login -method=jwt role=ci jwt=$VAULT_ID_TOKEN | tee login.log",
            "VT=$(vault write -field=token auth/$VAULT_AUTH_PATH/login role=ci jwt=$VAULT_ID_TOKEN)",
            "echo \"$VT\" > /dev/stderr",
            "printenv VT");
        Assert.Equal(3, findings.Count);
        Assert.StartsWith("8:7 'vault login' prints the Vault token", findings[0], StringComparison.Ordinal);
        Assert.StartsWith("10:7 'echo' prints the Vault token from 'vault write' (in VT)", findings[1], StringComparison.Ordinal);
        Assert.StartsWith("11:7 'printenv' prints the Vault token from 'vault write' (in VT)", findings[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_taken_out_of_a_captured_login_are_credentials_too()
    {
        var findings = InScript(
            "CREDS=$(aws sts assume-role-with-web-identity --role-arn \"$ROLE\" --web-identity-token \"$AWS_ID_TOKEN\" --role-session-name ci)",
            "export AWS_SECRET_ACCESS_KEY=$(echo \"$CREDS\" | jq -r .Credentials.SecretAccessKey)",
            "LENGTH=$(echo -n \"$CREDS\" | wc -c)",
            "echo \"$AWS_SECRET_ACCESS_KEY\"",
            "echo \"$LENGTH bytes\"",
            "read -r AK SK ST <<< \"$(vault kv get -field=keys secret/aws)\"",
            "echo \"$SK\"");
        Assert.Equal(2, findings.Count);
        Assert.StartsWith("11:7 'echo' prints the AWS keys from 'aws sts' (in AWS_SECRET_ACCESS_KEY)", findings[0], StringComparison.Ordinal);
        Assert.StartsWith("14:7 'echo' prints the secret from 'vault kv get' (in SK)", findings[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Exported_keys_of_a_printf_export_and_filtered_dumps_are_followed()
    {
        var findings = InScript(
            "export $(printf \"AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s AWS_SESSION_TOKEN=%s\" $(aws sts assume-role-with-web-identity --role-arn \"$ROLE\" --role-session-name ci --web-identity-token \"$AWS_ID_TOKEN\" --query 'Credentials.[AccessKeyId,SecretAccessKey,SessionToken]' --output text))",
            "env | grep -i aws_secret",
            "env | grep CI_",
            "printenv | sort > /dev/null",
            "aws ecr get-login-password --region eu-west-1",
            "aws ecr get-login-password --region eu-west-1 | docker login --username AWS --password-stdin $REGISTRY");
        Assert.Equal(2, findings.Count);
        Assert.StartsWith("9:7 'env | …' prints the AWS keys from 'aws sts' (in AWS_SECRET_ACCESS_KEY)", findings[0], StringComparison.Ordinal);
        Assert.StartsWith("12:7 'aws ecr get-login-password' prints the registry password from 'aws ecr'", findings[1], StringComparison.Ordinal);
    }
}
