using System.Text;

namespace CiOidcLint.Testing;

/// <summary>A large pipeline: templates with ID tokens and secrets, jobs that extend them, scripts with logins (16 lines a job; 250 jobs make 4,092 lines).</summary>
public static class GeneratedPipeline
{
    public static string Create(int jobs)
    {
        var text = new StringBuilder();
        text.Append("stages: [build, deploy]\n\n");
        for (var t = 0; t < 10; t++)
        {
            text.Append($".vault-{t}:\n  id_tokens:\n    VAULT_ID_TOKEN:\n      aud: https://vault.gitlab.net\n  secrets:\n    DB_PASSWORD_{t}:\n      vault: production/db/password@ops\n      token: $VAULT_ID_TOKEN\n\n");
        }

        for (var j = 0; j < jobs; j++)
        {
            text.Append($"job-{j}:\n  stage: deploy\n  extends: .vault-{j % 10}\n  variables:\n    TARGET: env-{j}\n    REGION: eu-west-{j % 3}\n  rules:\n    - if: $CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH\n  before_script:\n    - echo preparing {j}\n  script:\n    - echo deploying {j}\n")
                .Append($"    - export VAULT_TOKEN=$(vault write -field=token auth/jwt/login role=job-{j} jwt=$VAULT_ID_TOKEN)\n")
                .Append("    - ./deploy.sh \"$TARGET\"\n    - echo done\n\n");
        }

        return text.ToString();
    }
}
