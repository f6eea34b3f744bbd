namespace CiOidcLint.Analysis.Rules;

internal static class ProviderNames
{
    public static string Display(string provider) => provider switch
    {
        "vault" => "Vault",
        "azure_key_vault" => "Azure Key Vault",
        "gcp_secret_manager" => "GCP Secret Manager",
        "akeyless" => "Akeyless",
        "aws_secrets_manager" => "AWS Secrets Manager",
        "gitlab_secrets_manager" => "GitLab secrets manager",
        _ => provider,
    };
}
