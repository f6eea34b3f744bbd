using CiOidcLint.Analysis.Pipeline.Conditions;

namespace CiOidcLint.Analysis.Tests.Pipeline;

/// <summary>rules:if expressions, judged in the pipelines a pusher of an unprotected branch can start.</summary>
public sealed class RulesExpressionTests
{
    private static readonly UntrustedPipeline Push = UntrustedPipeline.All.Single(p => p.Source == UntrustedSource.Push);
    private static readonly UntrustedPipeline MergeRequest = UntrustedPipeline.All.Single(p => p.IsMergeRequest);

    private static string Judge(string expression, UntrustedPipeline pipeline)
    {
        var parsed = RulesExpression.Parse(expression);
        if (parsed is null)
        {
            return "unparsed";
        }

        var outcome = parsed.Evaluate(pipeline);
        return outcome == Outcome.Always ? "always"
            : outcome == Outcome.Never ? "never"
            : outcome == Outcome.Chosen ? "chosen"
            : outcome == Outcome.Unknown ? "unknown"
            : $"{outcome.CanBeTrue}/{outcome.CanBeFalse}";
    }

    [Theory]
    [InlineData("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH", "never")]
    [InlineData("$CI_DEFAULT_BRANCH == $CI_COMMIT_BRANCH", "never")]
    [InlineData("${CI_COMMIT_BRANCH} != ${CI_DEFAULT_BRANCH}", "unparsed")]
    [InlineData("$CI_COMMIT_TAG =~ /^v?[0-9.]*$/", "always")]
    [InlineData("$CI_COMMIT_TAG !~ /^v[0-9]+/", "always")]
    [InlineData("$CI_COMMIT_BRANCH =~ /x/g", "unparsed")]
    [InlineData("$CI_COMMIT_BRANCH =~ /a/", "unparsed")]
    [InlineData("$CI_COMMIT_BRANCH =~ /^main$/U", "unknown")]
    [InlineData("$CI_COMMIT_REF_SLUG =~ /^[a-z0-9-]+$/", "unknown")]
    [InlineData("$CI_COMMIT_REF_NAME =~ /^[a-z0-9-]+$/", "Maybe/Yes")]
    [InlineData("$CI_COMMIT_TITLE", "always")]
    [InlineData("$CI_COMMIT_REF_NAME == 'main'", "never")]
    [InlineData("$CI_COMMIT_REF_PROTECTED == \"true\"", "never")]
    [InlineData("$CI_COMMIT_REF_PROTECTED", "always")]
    [InlineData("$CI_COMMIT_TAG", "never")]
    [InlineData("$CI_COMMIT_TAG == null", "always")]
    [InlineData("$CI_MERGE_REQUEST_IID", "never")]
    [InlineData("$CI_PIPELINE_SOURCE == \"push\" && $CI_COMMIT_BRANCH", "always")]
    [InlineData("$CI_PIPELINE_SOURCE == \"schedule\" || $CI_COMMIT_TAG", "never")]
    [InlineData("($CI_PIPELINE_SOURCE == \"push\" || $CI_PIPELINE_SOURCE == \"web\") && $CI_COMMIT_REF_PROTECTED == \"true\"", "never")]
    [InlineData("$CI_COMMIT_MESSAGE =~ /\\[deploy\\]/i", "chosen")]
    [InlineData("$CI_COMMIT_BRANCH =~ /^release\\//", "Maybe/Yes")]
    [InlineData("$CI_COMMIT_BRANCH !~ /^release\\//", "Yes/Maybe")]
    [InlineData("$CI_COMMIT_BRANCH =~ /.*/", "unknown")]
    [InlineData("$CI_PIPELINE_SOURCE =~ /^(push|web)$/", "always")]
    [InlineData("$DEPLOY == \"true\"", "unknown")]
    [InlineData("$DEPLOY == \"true\" && $CI_COMMIT_TAG", "never")]
    [InlineData("$DEPLOY == \"true\" || $CI_COMMIT_BRANCH", "always")]
    [InlineData("$CI_PROJECT_PATH == \"acme/app\"", "unknown")]
    [InlineData("$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH ||", "unparsed")]
    [InlineData("$CI_COMMIT_BRANCH = \"main\"", "unparsed")]
    [InlineData("(($CI_COMMIT_TAG)", "unparsed")]
    [InlineData("\"main\" == $CI_COMMIT_BRANCH", "never")]
    [InlineData("$CI_COMMIT_BRANCH =~ /[unclosed/", "unknown")]
    public void In_a_push_to_an_unprotected_branch(string expression, string expected)
        => Assert.Equal(expected, Judge(expression, Push));

    [Theory]
    [InlineData("$CI_PIPELINE_SOURCE == \"merge_request_event\"", "always")]
    [InlineData("$CI_MERGE_REQUEST_IID", "always")]
    [InlineData("$CI_COMMIT_BRANCH", "never")]
    [InlineData("$CI_COMMIT_BRANCH != $CI_DEFAULT_BRANCH", "always")]
    [InlineData("$CI_MERGE_REQUEST_TARGET_BRANCH_NAME == $CI_DEFAULT_BRANCH", "chosen")]
    [InlineData("$CI_MERGE_REQUEST_SOURCE_BRANCH_NAME == \"main\"", "never")]
    [InlineData("$CI_MERGE_REQUEST_EVENT_TYPE == \"merge_train\"", "unknown")]
    [InlineData("$CI_MERGE_REQUEST_LABELS =~ /deploy/", "chosen")]
    [InlineData("$CI_MERGE_REQUEST_TARGET_BRANCH_SHA", "unknown")]
    [InlineData("$CI_MERGE_REQUEST_TITLE", "always")]
    [InlineData("$CI_MERGE_REQUEST_LABELS", "chosen")]
    public void In_a_merge_request_pipeline(string expression, string expected)
        => Assert.Equal(expected, Judge(expression, MergeRequest));

    [Fact]
    public void A_deeply_nested_expression_is_not_parsed_rather_than_overflowing()
        => Assert.Null(RulesExpression.Parse(new string('(', 10_000) + "$X" + new string(')', 10_000)));

    [Fact]
    public void More_tokens_than_GitLab_reads_are_not_parsed()
        => Assert.Null(RulesExpression.Parse(string.Join(" || ", Enumerable.Repeat("$CI_COMMIT_TAG", 60))));
}
