namespace CiOidcLint.LanguageServer.Features;

/// <summary>What hover says about GitLab's OIDC keywords.</summary>
public static class HelpTexts
{
    public const string IdTokens = "**id_tokens** — OIDC ID tokens GitLab creates for the job, each exposed as a CI/CD variable of the same name. Every token needs an `aud` (audience) that the cloud or secrets manager checks. A job's `id_tokens` replaces `default:id_tokens` as a whole.\n\n[GitLab docs](https://docs.gitlab.com/ci/yaml/#id_tokens)";

    public const string Aud = "**aud** — the audience of the ID token: a string or a list of strings. The receiving side (a Vault role's `bound_audiences`, a cloud's OIDC provider) must expect exactly this value.\n\n[GitLab docs](https://docs.gitlab.com/ci/secrets/id_token_authentication/)";

    public const string Secrets = "**secrets** — secrets GitLab fetches from Vault, Azure Key Vault, GCP Secret Manager, Akeyless, AWS Secrets Manager or GitLab's secrets manager before the job runs. Vault, Azure and Akeyless authenticate with an ID token: name it with `token: $NAME`.\n\n[GitLab docs](https://docs.gitlab.com/ci/yaml/#secrets)";

    public const string Token = "**token** — the ID token this secret authenticates with, as `$NAME` of an entry in the job's `id_tokens`. Without it GitLab picks the job's first ID token (Vault, Azure Key Vault, Akeyless), which is ambiguous with several.\n\n[GitLab docs](https://docs.gitlab.com/ci/yaml/#secretstoken)";

    public const string JobJwt = "**{0}** is deprecated: GitLab removed `CI_JOB_JWT`, `CI_JOB_JWT_V1` and `CI_JOB_JWT_V2` in 17.0, so the variable is empty and whatever authenticates with it fails. Define an ID token under `id_tokens:` with the `aud` the receiving side expects, and use `$NAME` of that token instead.\n\n[GitLab docs](https://docs.gitlab.com/ci/secrets/id_token_authentication/)";
}
