using CiOidcLint.Analysis.Tests.Support;

namespace CiOidcLint.Analysis.Tests.Rules;

/// <summary>CIOL017: a credential written to a file the job publishes (artifacts, dotenv report, cache).</summary>
public sealed class CredentialInArtifactRuleTests
{
    private static List<string> Findings(string yaml)
        => Fixing.Analyze((".gitlab-ci.yml", yaml)).Where(f => f.Id == "CIOL017")
            .Select(f => $"{f.Location.LineSpan.Start.Line + 1}:{f.Location.LineSpan.Start.Character + 1} {f.Message}").ToList();

    [Fact]
    public void An_id_token_written_to_an_artifact_is_reported_at_the_write()
    {
        // Seen in the wild: the token in a file that artifacts:paths uploads.
        var finding = Assert.Single(Findings("""
            build:
              id_tokens:
                GITLAB_OIDC_TOKEN:
                  aud: https://gitlab.com
              script:
                - echo ${GITLAB_OIDC_TOKEN} > .ci_job_jwt_file
                - ./sign.sh .ci_job_jwt_file
              artifacts:
                paths:
                  - .ci_job_jwt_file
                  - dist/
            """));
        Assert.Equal(
            "6:7 'echo … > .ci_job_jwt_file' writes the ID token GITLAB_OIDC_TOKEN to '.ci_job_jwt_file', which artifacts:paths ('.ci_job_jwt_file') publishes: anyone who can download the job's artifacts, and every later job that fetches them, can read it (in job 'build')",
            finding);
    }

    [Fact]
    public void A_captured_login_written_to_a_dotenv_report_is_reported()
    {
        var finding = Assert.Single(Findings("""
            login:
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: https://vault.acme.internal
              script:
                - VAULT_TOKEN=$(vault write -field=token auth/jwt/login role=ci jwt=$VAULT_ID_TOKEN)
                - echo "VAULT_TOKEN=$VAULT_TOKEN" >> build.env
              artifacts:
                reports:
                  dotenv: build.env
            """));
        Assert.StartsWith("7:7 'echo … >> build.env' writes the Vault token from 'vault write' (in VAULT_TOKEN) to 'build.env', which artifacts:reports:dotenv publishes: the file is downloadable, and its variables reach every later job", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Envsubst_told_to_fill_an_exported_credential_writes_it()
    {
        var findings = Findings("""
            render:
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: https://vault.acme.internal
              script:
                - export VAULT_TOKEN=$(vault write -field=token auth/jwt/login role=ci jwt=$VAULT_ID_TOKEN) || exit 1
                - envsubst '$VAULT_TOKEN $VAULT_ADDR' < config.tpl > config.json
                - envsubst '$VAULT_ADDR' < app.tpl > app.json
                - envsubst < other.tpl > other.json
              artifacts:
                paths: ["*.json"]
            """);
        Assert.StartsWith("7:7 'envsubst … > config.json' writes the Vault token from 'vault write' (in VAULT_TOKEN) to 'config.json'", Assert.Single(findings), StringComparison.Ordinal);
    }

    [Fact]
    public void PowerShell_writes_of_tokens_secrets_and_captured_logins_are_reported()
    {
        var findings = Findings("""
            deploy:
              tags: [saas-windows-medium-amd64]
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: https://vault.acme.internal
              secrets:
                DB_PASSWORD:
                  vault: db/password@ops
                  file: false
                CERT:
                  vault: tls/cert@ops
              script:
                - $env:VAULT_ID_TOKEN | Out-File -FilePath token.txt
                - Set-Content -Path .\out\db.txt -Value $env:DB_PASSWORD
                - $token = vault write -field=token auth/jwt/login role=ci jwt=$env:VAULT_ID_TOKEN
                - "Write-Output \"VAULT_TOKEN=$token\" >> build.env"
                - Copy-Item $env:CERT -Destination out\
                - '[IO.File]::WriteAllText("$env:CI_PROJECT_DIR\out\jwt", $env:VAULT_ID_TOKEN)'
                - $env:VAULT_ID_TOKEN | Out-File $env:TEMP\token.txt
                - $env:VAULT_ID_TOKEN.Length | Out-File out\length.txt
                - Write-Output '$env:VAULT_ID_TOKEN' > out\literal.txt
                - $env:VAULT_ID_TOKEN > out\removed.txt
                - Remove-Item out\removed.txt
              artifacts:
                paths: [token.txt, out/]
                reports:
                  dotenv: build.env
            """);
        Assert.True(findings.Count == 5, string.Join("\n", findings));
        Assert.StartsWith("13:7 'Out-File token.txt' writes the ID token VAULT_ID_TOKEN to 'token.txt', which artifacts:paths ('token.txt') publishes", findings[0], StringComparison.Ordinal);
        Assert.StartsWith("14:7 'Set-Content .\\out\\db.txt' writes the secret DB_PASSWORD to 'out/db.txt'", findings[1], StringComparison.Ordinal);
        Assert.StartsWith("16:8 '… >> build.env' writes the Vault token from 'vault write' (in $token) to 'build.env', which artifacts:reports:dotenv publishes", findings[2], StringComparison.Ordinal);
        Assert.StartsWith("17:7 'Copy-Item … out\\' writes the secret CERT (its file's contents) to 'out/'", findings[3], StringComparison.Ordinal);
        Assert.StartsWith("18:8 '[IO.File]::WriteAllText' writes the ID token VAULT_ID_TOKEN to 'out/jwt'", findings[4], StringComparison.Ordinal);
    }

    [Fact]
    public void PowerShell_files_removed_later_reshaped_or_written_from_the_host_stream_are_not_reported()
    {
        Assert.Empty(Findings("""
            deploy:
              tags: [windows]
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: https://vault.acme.internal
              script:
                - $env:VAULT_ID_TOKEN | Out-File token.txt
                - $env:VAULT_ID_TOKEN | Out-File upper.txt
                - $env:VAULT_ID_TOKEN | Out-File lower.txt
                - $env:VAULT_ID_TOKEN | Measure-Object -Character | Out-File len.txt
                - Write-Host "TOKEN=$env:VAULT_ID_TOKEN" > deploy.env
                - $env:VAULT_ID_TOKEN | Out-File kept.txt
                - |
                  Get-ChildItem out | ForEach-Object {
                    # don't ship temp files
                    $_.Name
                  }
                  Remove-Item -Path token.txt -Force
                  remove-item UPPER.TXT
                - Set-Location $env:TEMP
                - $env:VAULT_ID_TOKEN | Out-File elsewhere.txt
              after_script:
                - Remove-Item lower.txt
                - Remove-Item kept.txt
              artifacts:
                paths: ["*.txt", "*.env"]
            """));
    }

    [Fact]
    public void A_vault_token_from_the_http_login_written_to_a_dotenv_report_is_reported()
    {
        var finding = Assert.Single(Findings("""
            login:
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: https://vault.acme.internal
              script:
                - |
                  VAULT_TOKEN=$(curl -sf --data "{\"jwt\":\"${VAULT_ID_TOKEN}\",\"role\":\"app\"}" ${VAULT_ADDR}/v1/auth/jwt/login | jq -r '.auth.client_token')
                  echo "VAULT_TOKEN=${VAULT_TOKEN}" > vault.env
              artifacts:
                reports:
                  dotenv: vault.env
            """));
        Assert.StartsWith("8:7 'echo … > vault.env' writes the Vault token from 'curl' (Vault's login API) (in VAULT_TOKEN) to 'vault.env'", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Secrets_copies_tee_here_documents_logins_and_variable_dumps_are_followed()
    {
        var findings = Findings("""
            deploy:
              id_tokens:
                AWS_ID_TOKEN:
                  aud: https://sts.amazonaws.com
              secrets:
                DB_PASSWORD:
                  vault: production/db/password@ops
                  token: $AWS_ID_TOKEN
                API_KEY:
                  vault: production/api/key@ops
                  file: false
                  token: $AWS_ID_TOKEN
              script:
                - cp "$DB_PASSWORD" dist/
                - echo "$API_KEY" | tee keys.txt
                - |
                  cat > config.json <<EOF
                  {"token": "$AWS_ID_TOKEN"}
                  EOF
                - aws sts assume-role-with-web-identity --role-arn "$ROLE" --web-identity-token "$AWS_ID_TOKEN" > $CI_PROJECT_DIR/creds.json
                - env > variables.txt
                - vault kv get secret/app > .cache/app.json
              artifacts:
                paths: [dist/, "*.txt", "*.json"]
              cache:
                paths: [.cache/]
            """);
        Assert.Equal(6, findings.Count);
        Assert.Contains(findings, f => f.StartsWith("14:7 'cp … dist/' writes the secret DB_PASSWORD (its file's contents) to 'dist/'", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("15:25 'tee keys.txt' writes the secret API_KEY to 'keys.txt'", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("17:7 'cat … > config.json' writes the ID token AWS_ID_TOKEN to 'config.json'", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("20:7 'aws … > $CI_PROJECT_DIR/creds.json' writes the AWS keys from 'aws sts' to 'creds.json', which artifacts:paths ('*.json')", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("21:7 'env … > variables.txt' writes every variable of the job", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("22:7 'vault … > .cache/app.json' writes the secret from 'vault kv get' to '.cache/app.json', which cache:paths ('.cache/') keeps", StringComparison.Ordinal));
    }

    [Fact]
    public void Writes_that_stay_private_are_not_reported()
    {
        Assert.Empty(Findings("""
            job:
              id_tokens:
                VAULT_ID_TOKEN:
                  aud: https://vault.acme.internal
              secrets:
                DB_PASSWORD:
                  vault: production/db/password@ops
              before_script:
                - echo "$VAULT_ID_TOKEN" > /tmp/token
                - echo "$VAULT_ID_TOKEN" > "$CI_BUILDS_DIR/../token"
                - echo "$VAULT_ID_TOKEN" > not-published.log
                - echo "$VAULT_ID_TOKEN" > secret.tok
                - echo "$DB_PASSWORD" > password-path.txt
                - echo "$VAULT_ID_TOKEN" | cut -d. -f2 | base64 -d > claims.json
                - echo "built" > dist/version.txt
              script:
                - echo "$VAULT_ID_TOKEN" > dist/token
                - ./use-token.sh dist/token
                - rm -f dist/token
                - cd build && echo "$VAULT_ID_TOKEN" > token.txt
              artifacts:
                paths: [dist/, "*.txt", "*.json", "*.tok"]
                exclude: ["*.tok"]
            """));
    }

    [Fact]
    public void Untracked_and_excluded_paths_follow_GitLabs_globs()
    {
        const string job = """
            job:
              id_tokens:
                T:
                  aud: https://x.acme.internal
              script:
                - echo "$T" > reports/deep/token.out
              artifacts:
            """;
        Assert.Single(Findings(job + "\n    untracked: true\n"));
        Assert.Empty(Findings(job + "\n    untracked: true\n    exclude: [\"reports/**/*.out\"]\n"));
        Assert.Single(Findings(job + "\n    paths: [\"reports/**/*.out\"]\n"));
        Assert.Single(Findings(job + "\n    paths: [reports]\n"));
        Assert.Single(Findings(job + "\n    paths: [\"reports/**/*.{out,log}\"]\n"));
        Assert.Empty(Findings(job + "\n    paths: [\"*.out\"]\n"));
        Assert.Empty(Findings(job + "\n    paths: [\"reports/*.out\"]\n"));
        Assert.Empty(Findings(job + "\n    paths: [\"$OUTPUT_DIR/\"]\n"));
        Assert.Empty(Findings(job + "\n    untracked: \"true\"\n"));
    }

    [Fact]
    public void Tokens_secrets_and_artifacts_come_through_templates_and_default()
    {
        var findings = Findings("""
            default:
              id_tokens:
                SIGSTORE_ID_TOKEN:
                  aud: sigstore
            .publish:
              artifacts:
                paths: [out/]
            sign:
              extends: .publish
              script:
                - printf '%s' "$SIGSTORE_ID_TOKEN" > out/oidc.token
            """);
        Assert.StartsWith("11:7 'printf … > out/oidc.token' writes the ID token SIGSTORE_ID_TOKEN to 'out/oidc.token', which artifacts:paths ('out/')", Assert.Single(findings), StringComparison.Ordinal);
    }

    [Fact]
    public void A_powershell_job_is_left_alone()
    {
        Assert.Empty(Findings("""
            job:
              tags: [windows]
              id_tokens:
                T:
                  aud: https://x.acme.internal
              script:
                - echo $T > token.txt
              artifacts:
                paths: ["*.txt"]
            """));
    }

    [Fact]
    public void What_is_not_the_credential_is_not_reported()
    {
        // From an adversarial review: outputs of other programs, tests and lengths, narrowed or
        // public values, and caches the job never saves.
        Assert.Empty(Findings("""
            job:
              id_tokens:
                AWS_ID_TOKEN:
                  aud: https://sts.amazonaws.com
              secrets:
                API_KEY:
                  vault: production/api/key@ops
                  file: false
                  token: $AWS_ID_TOKEN
              script:
                - |
                  kubectl apply -f - > kubectl-apply.log <<EOF
                  stringData: {key: "$API_KEY"}
                  EOF
                - |
                  ssh deploy@app 'bash -s' <<EOF | tee deploy.log
                  export API_KEY='$API_KEY'
                  EOF
                - echo "HAS_TOKEN=${AWS_ID_TOKEN:+yes}" >> build.env
                - echo "TOKEN_LENGTH=${#AWS_ID_TOKEN}" >> build.env
                - EXPIRY=$(aws sts assume-role-with-web-identity --role-arn "$ROLE" --web-identity-token "$AWS_ID_TOKEN" --role-session-name ci --query Credentials.Expiration --output text)
                - echo "EXPIRY=$EXPIRY" >> build.env
                - AMI_ID=$(aws ssm get-parameter --name /aws/service/ami-amazon-linux-latest/al2023 --query Parameter.Value --output text)
                - echo "AMI_ID=$AMI_ID" >> build.env
                - echo "$AWS_ID_TOKEN" > .ci_job_jwt_file
              artifacts:
                paths: ["*.log"]
                reports:
                  dotenv: build.env
              cache:
                key: deps
                untracked: true
                policy: pull
            """));
    }

    [Fact]
    public void A_dotenv_report_with_narrowed_access_is_still_reported_with_what_that_changes()
    {
        var finding = Assert.Single(Findings("""
            login:
              id_tokens:
                T:
                  aud: https://vault.acme.internal
              script:
                - echo "T=$T" > login.env
              artifacts:
                access: developer
                reports:
                  dotenv: login.env
            """));
        Assert.Contains("artifacts:reports:dotenv keeps with the job's artifacts: downloadable by everyone artifacts:access or public still lets in", finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_put_into_templates_and_secrets_read_into_variables_are_followed()
    {
        var findings = Findings("""
            deploy:
              id_tokens:
                T:
                  aud: https://vault.acme.internal
              secrets:
                DB_PASSWORD:
                  vault: production/db/password@ops
                  token: $T
                API_KEY:
                  vault: production/api/key@ops
                  file: false
                  token: $T
              script:
                - sed "s|@KEY@|$API_KEY|" config.tmpl > config/app.ini
                - jq -n --arg token "$T" '{token:$token}' > config/token.json
                - PASSWORD=$(cat "$DB_PASSWORD")
                - echo "DB_PASSWORD=$PASSWORD" >> deploy.env
                - sed "s|@HOST@|$CI_SERVER_HOST|" config.tmpl > config/host.ini
              artifacts:
                paths: [config/]
                reports:
                  dotenv: deploy.env
            """);
        Assert.Equal(3, findings.Count);
        Assert.Contains(findings, f => f.StartsWith("14:7 'sed … > config/app.ini' writes the secret API_KEY", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("15:7 'jq … > config/token.json' writes the ID token T", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.StartsWith("17:7 'echo … >> deploy.env' writes the secret DB_PASSWORD (its file's contents)", StringComparison.Ordinal));
    }
}
