using CiOidcLint.Analysis.Tests.Support;
using CiOidcLint.Analysis.Workspace;

namespace CiOidcLint.Analysis.Tests.Rules;

public sealed class SuspiciousAudienceRuleTests
{
    [Fact]
    public void Each_aud_value_is_reported_once_with_every_reason()
    {
        Annotated.Verify(@"
job:
  id_tokens:
    SLASH:
      aud: https://gitlab.com/
#          ^^^^^^^^^^^^^^^^^^^ CIOL012 The audience 'https://gitlab.com/' of ID token 'SLASH' ends with '/', so it is unlikely to be the audience the cloud or Vault role is bound to and the login fails (in job 'job')
    HTTP:
      aud: http://vault.acme.internal:8200
#          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL012 The audience 'http://vault.acme.internal:8200' of ID token 'HTTP' uses http:// instead of https://, so
    BOTH:
      aud: 'HTTP://gitlab.com//'
#          ^^^^^^^^^^^^^^^^^^^^^ CIOL012 The audience 'HTTP://gitlab.com//' of ID token 'BOTH' uses http:// instead of https:// and ends with '/', so
    AROUND:
      aud: ""https://gitlab.com ""
#          ^^^^^^^^^^^^^^^^^^^^^ CIOL012 The audience 'https://gitlab.com' of ID token 'AROUND' has whitespace around it, so
    INSIDE:
      aud: https://gitlab.com /group
#          ^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL012 of ID token 'INSIDE' contains whitespace, so
    PLACEHOLDER:
      aud: https://gitlab.example.com
#          ^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL012 of ID token 'PLACEHOLDER' names the documentation placeholder host 'gitlab.example.com', so
    BARE_PLACEHOLDER:
      aud: example.org
#          ^^^^^^^^^^^ CIOL012 names the documentation placeholder host 'example.org'
    ODD_PLACEHOLDER:
      aud: https://ci@Login.Example.NET.:443/oidc
#          ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL012 names the documentation placeholder host 'login.example.net'
    EVERYTHING:
      aud: [' http://vault.example.com/', https://vault.acme.internal/]
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL012 The audience 'http://vault.example.com/' of ID token 'EVERYTHING' uses http:// instead of https://, ends with '/', has whitespace around it and names the documentation placeholder host 'vault.example.com', so
#                                         ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL012 The audience 'https://vault.acme.internal/' of ID token 'EVERYTHING' ends with '/'
    FINE:
      aud:
        - https://gitlab.com
        - sts.amazonaws.com
        - sigstore
        - https://example.vault.com
        - https://notexample.com
        - api://AzureADTokenExchange
        - https://
    NOT_JUDGED:
      aud:
        - $CI_SERVER_URL/
        - ${VAULT_ADDR}/
        - http://$VAULT_HOST
        - $[[ inputs.audience ]]/
    NOT_A_STRING:
      aud: [42, http://gitlab.com]
#           ^^ CIOL008
#               ^^^^^^^^^^^^^^^^^ CIOL012 uses http://
  script: [echo $SLASH]
");
    }

    [Fact]
    public void Default_and_unused_templates_are_checked_too()
    {
        Annotated.Verify(@"
default:
  id_tokens:
    DEFAULT_TOKEN: { aud: https://gitlab.com/ }
#                         ^^^^^^^^^^^^^^^^^^^ CIOL012 (in job 'job')
.unused:
  id_tokens:
    TEMPLATE_TOKEN: { aud: http://vault.acme.internal }
#                          ^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL012 (in template '.unused')
job:
  script: [x]
");
    }

    [Fact]
    public void An_ignore_comment_at_the_end_of_the_line_silences_it()
    {
        Annotated.Verify(@"
job:
  id_tokens:
    VAULT_ID_TOKEN:
      aud: http://vault.acme.internal:8200 # cioidclint: ignore[CIOL012] -- the dev Vault role binds this audience
    OTHER:
      aud: http://other.acme.internal # cioidclint: ignore[CIOL004]
#          ^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL012
  script: [echo $VAULT_ID_TOKEN]
");
    }

    [Fact]
    public void The_trailing_slash_is_removed_inside_the_value()
    {
        var fixedText = Fixing.Apply(
            "job:\n  id_tokens:\n    AWS_ID_TOKEN:\n      aud: https://gitlab.com/   # the IAM provider's audience\n  script: [x]\n",
            "CIOL012",
            "Remove the trailing slash");
        Assert.Equal("job:\n  id_tokens:\n    AWS_ID_TOKEN:\n      aud: https://gitlab.com   # the IAM provider's audience\n  script: [x]\n", fixedText);
    }

    [Fact]
    public void Https_and_the_slash_are_one_fix_that_keeps_the_quotes()
    {
        var fixedText = Fixing.Apply(
            "job:\n  id_tokens:\n    VAULT_ID_TOKEN:\n      aud: \"http://vault.acme.internal:8200//\"\n  script: [x]\n",
            "CIOL012",
            "Use https and remove the trailing slash");
        Assert.Equal("job:\n  id_tokens:\n    VAULT_ID_TOKEN:\n      aud: \"https://vault.acme.internal:8200\"\n  script: [x]\n", fixedText);
    }

    [Fact]
    public void Https_keeps_the_scheme_s_case_and_escapes()
    {
        Assert.Equal(
            "job:\n  id_tokens:\n    T:\n      aud: 'HTTPS://gitlab.com'\n",
            Fixing.Apply("job:\n  id_tokens:\n    T:\n      aud: 'HTTP://gitlab.com'\n", "CIOL012", "Use https"));
        Assert.Equal(
            "job:\n  id_tokens:\n    T:\n      aud: \"https:\\/\\/gitlab.com\"\n",
            Fixing.Apply("job:\n  id_tokens:\n    T:\n      aud: \"http:\\/\\/gitlab.com\\/\"\n", "CIOL012", "Use https and remove the trailing slash"));
    }

    [Fact]
    public void A_list_item_is_fixed_on_its_own_and_CRLF_stays()
    {
        var fixedText = Fixing.Apply(
            "job:\r\n  id_tokens:\r\n    T:\r\n      aud: [https://gitlab.com, 'http://vault.acme.internal/']\r\n  script: [x]\r\n",
            "CIOL012",
            "Use https and remove the trailing slash");
        Assert.Equal("job:\r\n  id_tokens:\r\n    T:\r\n      aud: [https://gitlab.com, 'https://vault.acme.internal']\r\n  script: [x]\r\n", fixedText);
    }

    [Fact]
    public void Whitespace_around_a_quoted_value_on_one_line_is_trimmed_inside_the_quotes()
    {
        var fixedText = Fixing.Apply(
            "job:\n  id_tokens:\n    T:\n      aud: \" https://gitlab.com/\\t\"\n",
            "CIOL012",
            "Remove the trailing slash and trim the whitespace");
        Assert.Equal("job:\n  id_tokens:\n    T:\n      aud: \"https://gitlab.com\"\n", fixedText);
    }

    [Theory]
    [InlineData("      aud: https://gitlab.example.com\n")]
    [InlineData("      aud: https://gitlab.com /group\n")]
    [InlineData("      aud: |\n        https://gitlab.com\n")]
    [InlineData("      aud: \"https://gitlab.com\n        \"\n")]
    public void Placeholders_inner_whitespace_and_whitespace_from_line_breaks_get_no_fix(string aud)
    {
        var findings = Fixing.Analyze((RepositoryAnalysis.RootPipelinePath, "job:\n  id_tokens:\n    T:\n" + aud));
        var finding = Assert.Single(findings, f => f.Id == "CIOL012");
        Assert.Empty(finding.Fixes);
    }

    [Fact]
    public void A_fix_beside_a_placeholder_is_offered_and_never_preferred()
    {
        const string yaml = "job:\n  id_tokens:\n    VAULT_ID_TOKEN:\n      aud: http://vault.example.com:8200\n";
        var fix = Assert.Single(Fixing.Offered(yaml, "CIOL012"));
        Assert.Equal("Use https", fix.Title);
        Assert.False(fix.IsPreferred);
        var after = Fixing.ApplyChanges(new[] { (RepositoryAnalysis.RootPipelinePath, yaml) }, fix)[RepositoryAnalysis.RootPipelinePath];
        Assert.Equal("job:\n  id_tokens:\n    VAULT_ID_TOKEN:\n      aud: https://vault.example.com:8200\n", after);
        var remaining = Assert.Single(Fixing.Analyze((RepositoryAnalysis.RootPipelinePath, after)), f => f.Id == "CIOL012");
        Assert.Contains("names the documentation placeholder host 'vault.example.com'", remaining.Message);
        Assert.DoesNotContain("http://", remaining.Message);
    }

    [Fact]
    public void A_template_shared_by_two_jobs_keeps_its_fix()
    {
        const string yaml = ".aws:\n  id_tokens:\n    AWS_ID_TOKEN:\n      aud: https://gitlab.com/\na:\n  extends: .aws\n  script: [x]\nb:\n  extends: .aws\n  script: [y]\n";
        var finding = Assert.Single(Fixing.Analyze((RepositoryAnalysis.RootPipelinePath, yaml)), f => f.Id == "CIOL012");
        Assert.Equal(new[] { "a", "b" }, finding.Jobs);
        Assert.Equal(
            ".aws:\n  id_tokens:\n    AWS_ID_TOKEN:\n      aud: https://gitlab.com\na:\n  extends: .aws\n  script: [x]\nb:\n  extends: .aws\n  script: [y]\n",
            Fixing.Apply(yaml, "CIOL012", "Remove the trailing slash"));
    }
}
