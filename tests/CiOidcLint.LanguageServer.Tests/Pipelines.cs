namespace CiOidcLint.LanguageServer.Tests;

/// <summary>Pipelines the tests open.</summary>
public static class Pipelines
{
    /// <summary>CIOL004 on line 6 and CIOL001 on line 7 (0-based), in job 'build'.</summary>
    public const string Build = """
        build:
          id_tokens:
            VAULT_ID_TOKEN:
              aud: https://vault.gitlab.net
          script:
            - echo start
            - export VAULT_TOKEN=$(vault write -field=token auth/jwt/login role=ci jwt=$VAULT_ID_TOKEN)
            - echo $CI_JOB_JWT
        """;

    /// <summary>A root that includes ci/deploy.yml, whose template has a token without aud (CIOL002) used by job 'deploy' in the root.</summary>
    public const string Root = """
        include:
          - local: ci/deploy.yml
        deploy:
          extends: .deploy
          script:
            - echo deploying
          rules:
            - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH
        """;

    public const string Deploy = """
        .deploy:
          id_tokens:
            NO_AUD: {}
        """;
}
