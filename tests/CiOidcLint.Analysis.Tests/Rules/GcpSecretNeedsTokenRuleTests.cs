using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Tests.Support;
using CiOidcLint.Analysis.Workspace;

namespace CiOidcLint.Analysis.Tests.Rules;

/// <summary>CIOL007: a GCP Secret Manager secret without token:.</summary>
public sealed class GcpSecretNeedsTokenRuleTests
{
    private static List<string> Ids(string yaml) => Fixing.Analyze((".gitlab-ci.yml", yaml)).Select(f => f.Id).ToList();

    [Fact]
    public void A_gcp_secret_without_token_is_reported()
    {
        Annotated.Verify(@"
job:
  id_tokens:
    GCP_ID_TOKEN: { aud: https://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/q }
  secrets:
    API_KEY:
#   ^^^^^^^ CIOL007
      gcp_secret_manager:
        name: api-key
    WITH_TOKEN:
      gcp_secret_manager:
        name: other
      token: $GCP_ID_TOKEN
  script: [x]
");
    }

    [Fact]
    public void CIOL007_inserts_the_token_a_gcp_secret_requires()
    {
        const string yaml = "job:\n  id_tokens:\n    GCP_ID_TOKEN: {aud: https://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/g}\n  secrets:\n    KEY:\n      gcp_secret_manager:\n        name: key\n  script: [make]\n";
        Assert.Equal(
            "job:\n  id_tokens:\n    GCP_ID_TOKEN: {aud: https://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/g}\n  secrets:\n    KEY:\n      token: $GCP_ID_TOKEN\n      gcp_secret_manager:\n        name: key\n  script: [make]\n",
            Fixing.Apply(yaml, "CIOL007", "Use ID token 'GCP_ID_TOKEN'"));
    }
}
