using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Tests.Corpus;
using CiOidcLint.Analysis.Tests.Support;
using CiOidcLint.Analysis.Workspace;

namespace CiOidcLint.Analysis.Tests.Rules;

public sealed class InvalidIdTokenOrSecretRuleTests
{
    [Fact]
    public void Id_tokens_that_GitLab_rejects_are_reported_at_the_offending_key_or_value()
    {
        Annotated.Verify(@"
job:
  id_tokens:
    NUMBER:
      aud: 42
#          ^^ CIOL008 The 'aud' of ID token 'NUMBER' is a number, so GitLab rejects the pipeline with 'id token aud should be an array of strings or a string'
    BOOLEAN:
      aud: true
#          ^^^^ CIOL008 The 'aud' of ID token 'BOOLEAN' is a boolean
    MAPPING:
      aud: { url: https://gitlab.com }
#          ^^^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL008 The 'aud' of ID token 'MAPPING' is a mapping
    LIST:
      aud: [https://gitlab.com, 1, null, [x], https://gitlab.com, '2']
#                               ^ CIOL008 The 'aud' list of ID token 'LIST' holds a number
#                                  ^^^^ CIOL008 The 'aud' list of ID token 'LIST' holds an empty item
#                                        ^^^ CIOL008 The 'aud' list of ID token 'LIST' holds a list
#                                             ^^^^^^^^^^^^^^^^^^ CIOL008 names 'https://gitlab.com' twice, which GitLab's CI schema forbids
    EXTRA:
      aud: https://gitlab.com
      sub: project_path:platform/app:ref_type:branch:ref:main
#     ^^^ CIOL008 ID token 'EXTRA' has the key 'sub', which GitLab does not know, so it rejects the pipeline with 'id token config contains unknown keys: sub' (in job 'job')
      audience: https://gitlab.com
#     ^^^^^^^^ CIOL008 unknown keys: audience
    vault-id-token:
#   ^^^^^^^^^^^^^^ CIOL008 ID token name 'vault-id-token' is not a valid variable name, so no script or secret can expand it as $vault-id-token
      aud: https://gitlab.com
    1ST_TOKEN: { aud: https://gitlab.com }
#   ^^^^^^^^^ CIOL008 ID token name '1ST_TOKEN'
    BARE: https://gitlab.com
#         ^^^^^^^^^^^^^^^^^^ CIOL008 ID token 'BARE' is a string, not a mapping with an 'aud' key
    IN_A_LIST: [aud, https://gitlab.com]
#              ^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL008 ID token 'IN_A_LIST' is a list
    QUOTED_NUMBER: { aud: '42' }
    TAGGED_STRING: { aud: !!str 42 }
    TAGGED_NUMBER: { aud: !!int '42' }
#                         ^^^^^^^^^^ CIOL008 The 'aud' of ID token 'TAGGED_NUMBER' is a number
    GOOD_LIST: { aud: [https://gitlab.com, sts.amazonaws.com] }
    $[[ inputs.prefix ]]_ID_TOKEN: { aud: https://gitlab.com }
  script: [echo $NUMBER]
");
    }

    [Fact]
    public void A_missing_or_empty_aud_is_left_to_CIOL002()
    {
        Annotated.Verify(@"
job:
  id_tokens:
    NO_VALUE:
#   ^^^^^^^^ CIOL002
    NO_AUD:
#   ^^^^^^ CIOL002
      audience: https://gitlab.com
#     ^^^^^^^^ CIOL008 unknown keys: audience
    EMPTY_LIST: { aud: [] }
#   ^^^^^^^^^^ CIOL002
  script: [x]
");
    }

    [Fact]
    public void Id_tokens_that_are_not_a_mapping_are_reported_at_the_value()
    {
        Annotated.Verify(@"
job:
  id_tokens: [VAULT_ID_TOKEN]
#            ^^^^^^^^^^^^^^^^ CIOL008 'id_tokens' is a list, not a mapping of token names, so GitLab rejects the pipeline with 'id_tokens config should be a hash'
  script: [x]
");
    }

    [Fact]
    public void Shapes_are_checked_in_default_and_in_templates_that_no_job_uses()
    {
        Annotated.Verify(@"
default:
  id_tokens:
    DEFAULT_TOKEN:
      aud: https://gitlab.com
      sub: x
#     ^^^ CIOL008 (in job 'job')
.unused:
  id_tokens:
    TEMPLATE_TOKEN:
      aud: [a, a]
#              ^ CIOL008 (in template '.unused')
  secrets:
    DB:
      vault: password
#            ^^^^^^^^ CIOL008 (in template '.unused')
job:
  script: [x]
");
    }

    [Fact]
    public void A_template_fixed_by_the_job_that_uses_it_is_fine()
    {
        Annotated.Verify(@"
.base:
  id_tokens:
    TOKEN:
      aud: 42
job:
  extends: .base
  id_tokens:
    TOKEN:
      aud: https://gitlab.com
  script: [echo $TOKEN]
");
    }

    [Fact]
    public void Id_tokens_in_a_trigger_job_are_reported_where_they_are_written()
    {
        Annotated.Verify(@"
default:
  id_tokens:
    DEFAULT_TOKEN: { aud: https://gitlab.com }
.tokens:
  id_tokens:
# ^^^^^^^^^ CIOL008 'id_tokens' in a trigger job makes GitLab reject the pipeline ('config contains unknown keys: id_tokens'): a trigger job runs no script, and the downstream pipeline's jobs declare their own tokens (in jobs 'child', 'downstream')
    CHILD_ID_TOKEN: { aud: https://gitlab.com }
downstream:
  extends: .tokens
  trigger:
    project: platform/deploy
child:
  extends: .tokens
  trigger:
    include: child.yml
own:
  id_tokens:
# ^^^^^^^^^ CIOL008 (in job 'own')
    OWN_TOKEN: { aud: https://gitlab.com }
  trigger: platform/other
inherits-default-only:
  trigger: platform/other
build:
  extends: .tokens
  script: [echo $CHILD_ID_TOKEN]
");
    }

    [Fact]
    public void A_trigger_job_whose_composition_is_incomplete_is_held_back()
    {
        Annotated.Verify(@"
include:
  - project: platform/templates
#            ^^^^^^^^^^^^^^^^^^ CIOL015
    file: /trigger.yml
downstream:
  extends: .from-the-include
  id_tokens:
    CHILD_ID_TOKEN: { aud: https://gitlab.com }
  trigger:
    project: platform/deploy
");
    }

    [Fact]
    public void Secrets_under_default_are_reported_at_the_key()
    {
        Annotated.Verify(@"
default:
  secrets:
# ^^^^^^^ CIOL008 'secrets' under default: makes GitLab reject the pipeline ('default config contains unknown keys: secrets'): secrets belong to each job and are never inherited (in default:)
    DATABASE_PASSWORD:
      vault: production/db/password@kv
job:
  script: [x]
");
    }

    [Fact]
    public void Secrets_that_GitLab_rejects_are_reported()
    {
        Annotated.Verify(@"
job:
  id_tokens:
    VAULT_ID_TOKEN: { aud: https://vault.acme.internal }
  secrets:
    NO_PROVIDER:
#   ^^^^^^^^^^^ CIOL008 Secret 'NO_PROVIDER' names no provider (vault, azure_key_vault, gcp_secret_manager, akeyless, aws_secrets_manager, gitlab_secrets_manager)
      token: $VAULT_ID_TOKEN
    TWO_PROVIDERS:
#   ^^^^^^^^^^^^^ CIOL008 Secret 'TWO_PROVIDERS' names 2 providers, 'vault' and 'azure_key_vault', so GitLab rejects the pipeline: a secret is read from exactly one
      vault: production/db/password@kv
      azure_key_vault: { name: db-password }
    EXTRA:
      vault: production/db/password@kv
      extra_prop: x
#     ^^^^^^^^^^ CIOL008 Secret 'EXTRA' has the key 'extra_prop', which GitLab does not know
    A_STRING: production/db/password@kv
#             ^^^^^^^^^^^^^^^^^^^^^^^^^ CIOL008 Secret 'A_STRING' is a string, not a mapping that names one provider
    NO_VALUE:
#   ^^^^^^^^ CIOL008 Secret 'NO_VALUE' has no value
    NUMBER_TOKEN:
      vault: production/db/password@kv
      token: 42
#            ^^ CIOL008 The 'token' of secret 'NUMBER_TOKEN' is a number, not a string such as $VAULT_ID_TOKEN
    QUOTED_FILE:
      vault: production/db/password@kv
      file: 'false'
#           ^^^^^^^ CIOL008 The 'file' of secret 'QUOTED_FILE' is a string, not true or false
    GOOD_FILE:
      vault: production/db/password@kv
      file: no
    TAGGED_FILE:
      vault: production/db/password@kv
      file: !!bool 'true'
    INPUT_FILE:
      vault: production/db/password@kv
      file: $[[ inputs.as_file ]]
  script: [x]
");
    }

    [Fact]
    public void Secrets_that_are_not_a_mapping_are_reported_at_the_value()
    {
        Annotated.Verify(@"
job:
  secrets: [DATABASE_PASSWORD]
#          ^^^^^^^^^^^^^^^^^^^ CIOL008 'secrets' is a list, not a mapping of variable names
  script: [x]
");
    }

    [Fact]
    public void Vault_secrets_need_engine_path_and_field()
    {
        Annotated.Verify(@"
job:
  id_tokens:
    VAULT_ID_TOKEN: { aud: https://vault.acme.internal }
  secrets:
    SHORT_FORM: { vault: production/db/password@kv }
    DEFAULT_ENGINE: { vault: production/db/password }
    VARIABLE: { vault: production/$CI_ENVIRONMENT_NAME/password@kv }
    INPUT: { vault: '$[[ inputs.secret ]]' }
    NO_PATH: { vault: password@kv }
#                     ^^^^^^^^^^^ CIOL008 The Vault secret 'NO_PATH' names no secret path
    NO_FIELD: { vault: production/db/@kv }
#                      ^^^^^^^^^^^^^^^^^ CIOL008 The Vault secret 'NO_FIELD' ends its path with '/'
    NO_ENGINE: { vault: production/db/password@ }
#                       ^^^^^^^^^^^^^^^^^^^^^^^ CIOL008 The Vault secret 'NO_ENGINE' ends with '@'
    BLANK: { vault: ' ' }
#                   ^^^ CIOL008 The Vault secret 'BLANK' is blank
    A_LIST: { vault: [production/db/password] }
#                    ^^^^^^^^^^^^^^^^^^^^^^^^ CIOL008 The 'vault' of secret 'A_LIST' is a list, not a string or a mapping
    EMPTY:
      vault:
#     ^^^^^ CIOL008 The 'vault' of secret 'EMPTY' is empty
    FULL:
      vault:
        engine: { name: kv-v2, path: kv }
        path: production/db
        field: password
    NO_ENGINE_KEY:
      vault:
#     ^^^^^ CIOL008 The 'vault' of secret 'NO_ENGINE_KEY' has no 'engine', which GitLab requires
        path: production/db
        field: password
    NOTHING_BUT_AN_UNKNOWN_KEY:
      vault:
#     ^^^^^ CIOL008 has no 'engine', 'path' or 'field'
        invalid: x
#       ^^^^^^^ CIOL008 The 'vault' of secret 'NOTHING_BUT_AN_UNKNOWN_KEY' has the key 'invalid'
    ENGINE_WITHOUT_NAME:
      vault:
        engine:
#       ^^^^^^ CIOL008 The Vault engine of secret 'ENGINE_WITHOUT_NAME' has no 'name'
          path: kv
        path: production/db
        field: password
    ENGINE_A_STRING:
      vault:
        engine: kv-v2
#               ^^^^^ CIOL008 The Vault engine of secret 'ENGINE_A_STRING' is a string, not a mapping with 'name' and 'path'
        path: production/db
        field: password
    BLANK_FIELD:
      vault:
        engine: { name: kv-v2, path: kv }
        path: production/db
        field: ''
#              ^^ CIOL008 The 'field' of the 'vault' of secret 'BLANK_FIELD' is blank
    NUMBER_PATH:
      vault:
        engine: { name: kv-v2, path: 2 }
#                                    ^ CIOL008 The 'path' of the Vault engine of secret 'NUMBER_PATH' is a number, not a string
        path: production/db
        field: password
  script: [x]
");
    }

    [Fact]
    public void Other_providers_follow_GitLabs_entries()
    {
        Annotated.Verify(@"
job:
  id_tokens:
    ID_TOKEN: { aud: https://login.acme.internal }
  secrets:
    AZURE: { azure_key_vault: { name: db, version: '2' } }
    AZURE_NUMBER_VERSION: { azure_key_vault: { name: db, version: 2 } }
#                                                                 ^ CIOL008 The 'version' of the 'azure_key_vault' of secret 'AZURE_NUMBER_VERSION' is a number, not a string
    AZURE_NO_NAME: { azure_key_vault: { version: latest } }
#                    ^^^^^^^^^^^^^^^ CIOL008 The 'azure_key_vault' of secret 'AZURE_NO_NAME' has no 'name'
    AZURE_A_STRING: { azure_key_vault: db }
#                                      ^^ CIOL008 The 'azure_key_vault' of secret 'AZURE_A_STRING' is a string, not a mapping
    GCP: { gcp_secret_manager: { name: db, version: 2 }, token: $ID_TOKEN }
    GCP_FLOAT_VERSION: { gcp_secret_manager: { name: db, version: 1.5 }, token: $ID_TOKEN }
#                                                                 ^^^ CIOL008 The 'version' of the GCP secret 'GCP_FLOAT_VERSION' is a number, not a string or an integer
    GCP_BLANK_NAME: { gcp_secret_manager: { name: '' }, token: $ID_TOKEN }
#                                                 ^^ CIOL008 The 'name' of the 'gcp_secret_manager' of secret 'GCP_BLANK_NAME' is blank
    AKEYLESS_WITHOUT_NAME: { akeyless: { data_key: x } }
    AKEYLESS_UNKNOWN: { akeyless: { name: x, path: y } }
#                                            ^^^^ CIOL008 The 'akeyless' of secret 'AKEYLESS_UNKNOWN' has the key 'path'
    AWS_STRING: { aws_secrets_manager: 'arn:aws:secretsmanager:eu-west-1:1:secret:db#password', token: $ID_TOKEN }
    AWS_TWO_FIELDS: { aws_secrets_manager: 'db#password#old', token: $ID_TOKEN }
#                                          ^^^^^^^^^^^^^^^^^ CIOL008 has more than one '#'
    AWS_NO_SECRET_ID: { aws_secrets_manager: { region: eu-west-1 }, token: $ID_TOKEN }
#                       ^^^^^^^^^^^^^^^^^^^ CIOL008 The 'aws_secrets_manager' of secret 'AWS_NO_SECRET_ID' has no 'secret_id'
    AWS_VERSION_ID_AND_STAGE: { aws_secrets_manager: { secret_id: db, version_id: '1', version_stage: AWSCURRENT, field: pw }, token: $ID_TOKEN }
    OWN: { gitlab_secrets_manager: { name: db, source: group/platform/infra } }
    OWN_PROJECT: { gitlab_secrets_manager: { name: db, source: project } }
    OWN_BAD_SOURCE: { gitlab_secrets_manager: { name: db, source: groups/platform } }
#                                                                 ^^^^^^^^^^^^^^^ CIOL008 The 'source' of secret 'OWN_BAD_SOURCE' is neither 'project' nor 'group/<full path>'
    OWN_NO_NAME: { gitlab_secrets_manager: { source: project } }
#                  ^^^^^^^^^^^^^^^^^^^^^^ CIOL008 has no 'name'
  script: [x]
");
    }

    [Fact]
    public void An_ignore_comment_on_the_line_above_silences_it()
    {
        Annotated.Verify(@"
job:
  id_tokens:
    VAULT_ID_TOKEN:
      aud: https://vault.acme.internal
      # cioidclint: ignore[CIOL008] -- stripped by our own pre-processor
      sub: project_path:platform/app
  script: [echo $VAULT_ID_TOKEN]
");
    }

    [SkippableFact]
    public void Every_negative_id_tokens_and_secrets_case_of_GitLabs_schema_tests_is_CIOL008_but_the_GCP_secret_without_token()
    {
        Skip.IfNot(CorpusLocation.Exists, CorpusLocation.SkipMessage);
        var folder = Path.Combine(CorpusLocation.Corpus, "gitlab-schema-tests", "negative");
        foreach (var file in new[] { "id_tokens.yml", "secrets.yml" })
        {
            var result = new RepositoryAnalysis(new PhysicalFileSystem(folder)).AnalyzePipeline(file)!;
            var jobs = result.Pipeline.ConcreteJobs.Select(j => j.Name).ToList();
            Assert.NotEmpty(jobs);
            foreach (var job in jobs)
            {
                var ids = result.Findings.Where(f => f.Jobs.Contains(job)).Select(f => f.Id).ToList();
                if (job == "job_with_gcp_secret_manager_secret_without_token")
                {
                    Assert.Contains("CIOL007", ids);
                    Assert.DoesNotContain("CIOL008", ids);
                }
                else
                {
                    Assert.True(ids.Contains("CIOL008"), $"{file}: job '{job}' draws no CIOL008 (only {string.Join(", ", ids)})");
                }
            }
        }
    }

    [SkippableFact]
    public void The_positive_id_tokens_and_secrets_cases_draw_no_CIOL008()
    {
        Skip.IfNot(CorpusLocation.Exists, CorpusLocation.SkipMessage);
        var folder = Path.Combine(CorpusLocation.Corpus, "gitlab-schema-tests", "positive");
        foreach (var file in new[] { "id_tokens.yml", "secrets.yml" })
        {
            var result = new RepositoryAnalysis(new PhysicalFileSystem(folder)).AnalyzePipeline(file)!;
            Assert.NotEmpty(result.Pipeline.ConcreteJobs);
            Assert.DoesNotContain(result.Findings, f => f.Id == "CIOL008");
        }
    }
}
