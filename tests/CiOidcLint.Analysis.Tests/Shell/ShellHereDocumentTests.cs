using CiOidcLint.Analysis.Shell;
using static CiOidcLint.Analysis.Tests.Shell.ShellTestHelpers;

namespace CiOidcLint.Analysis.Tests.Shell;

public sealed class ShellHereDocumentTests
{
    [Fact]
    public void Body_lines_are_not_commands_but_their_variables_count()
    {
        const string text = "cat <<EOF > out.txt\ntoken: $VAULT_TOKEN ${ROLE}\nrm -rf / && $(whoami)\nEOF\necho done";
        var script = ShellParser.Parse(text);
        Assert.True(script.IsComplete);
        Assert.Equal(new[] { "cat", "echo" }, Names(script));
        var cat = script.Commands[0];
        Assert.Equal(ShellOperator.Newline, cat.Terminator);
        Assert.Equal(text.IndexOf('\n'), cat.TerminatorStart);
        Assert.Equal(new[] { "<<", ">" }, cat.Redirections.Select(r => r.Operator).ToArray());

        var hereDocument = cat.Redirections[0];
        Assert.True(hereDocument.IsHereDocument);
        Assert.Equal("EOF", hereDocument.Target!.LiteralValue);
        var body = hereDocument.HereDocument!;
        Assert.Equal("token: $VAULT_TOKEN ${ROLE}\nrm -rf / && $(whoami)\n", body.RawText);
        Assert.Equal(text.IndexOf("token", StringComparison.Ordinal), body.Start);

        // A substitution in an unquoted here-document does run.
        Assert.Equal("whoami", Assert.Single(body.Substitutions).Inner.Commands[0].Name);
        Assert.Equal(new[] { "VAULT_TOKEN", "ROLE" }, script.Variables.Select(v => v.Name).ToArray());
        Assert.Equal(text.IndexOf("$VAULT_TOKEN", StringComparison.Ordinal), script.Variables[0].Start);
        Assert.False(script.Variables[0].InDoubleQuotes);
    }

    [Theory]
    [InlineData("'EOF'")]
    [InlineData("\"EOF\"")]
    [InlineData("\\EOF")]
    [InlineData("E'O'F")]
    public void A_quoted_delimiter_keeps_the_body_literal(string delimiter)
    {
        var script = ShellParser.Parse("cat <<" + delimiter + "\n$X $(y) `z`\nEOF\nnext $W");
        Assert.True(script.IsComplete);
        Assert.Equal(new[] { "cat", "next" }, Names(script));
        var redirection = script.Commands[0].Redirections[0];
        Assert.Equal("EOF", redirection.Target!.LiteralValue);
        var body = redirection.HereDocument!;
        Assert.Equal("$X $(y) `z`\n", body.LiteralValue);
        Assert.Equal(QuoteKind.Single, Assert.IsType<LiteralPart>(Assert.Single(body.Parts)).Quote);
        Assert.Equal("W", Assert.Single(script.Variables).Name);
    }

    [Fact]
    public void Escapes_in_an_unquoted_body()
    {
        var script = ShellParser.Parse("cat <<EOF\n\\$X \\\\ \\n \"$Y\"\nEOF");
        var body = script.Commands[0].Redirections[0].HereDocument!;
        Assert.Equal("Y", Assert.Single(script.Variables).Name);
        Assert.Equal("$X \\ \\n \"", ((LiteralPart)body.Parts[0]).Text);
    }

    [Fact]
    public void Dash_form_strips_tabs_before_the_delimiter()
    {
        var script = ShellParser.Parse("if true; then\n\tcat <<-END\n\tbody\n\tEND\nfi\nlast");
        Assert.True(script.IsComplete);
        Assert.Equal(new[] { "true", "cat", "last" }, Names(script));
        Assert.Equal("<<-", script.Commands[1].Redirections[0].Operator);
    }

    [Fact]
    public void Two_here_documents_on_one_line_are_read_in_order()
    {
        var script = ShellParser.Parse("paste <<A <<B | sort\none\nA\ntwo\nB\nnext");
        Assert.True(script.IsComplete);
        Assert.Equal(new[] { "paste", "sort", "next" }, Names(script));
        var redirections = script.Commands[0].Redirections;
        Assert.Equal("one\n", redirections[0].HereDocument!.LiteralValue);
        Assert.Equal("two\n", redirections[1].HereDocument!.LiteralValue);
        Assert.Equal(ShellOperator.Pipe, script.Commands[0].Terminator);
    }

    [Fact]
    public void Here_documents_inside_a_substitution()
    {
        var script = ShellParser.Parse("CONFIG=$(cat <<EOF\nrole: $ROLE\nEOF\n) && next");
        Assert.True(script.IsComplete);
        Assert.Equal(new[] { "<null>", "next" }, Names(script));
        var reference = Assert.Single(script.Variables);
        Assert.Equal("ROLE", reference.Name);
        Assert.True(reference.InSubstitution);
    }

    [Fact]
    public void A_crlf_delimiter_line_still_ends_the_body()
    {
        var script = ShellParser.Parse("cat <<EOF\r\nx\r\nEOF\r\nnext");
        Assert.True(script.IsComplete);
        Assert.Equal(new[] { "cat", "next" }, Names(script));
    }

    [Fact]
    public void A_missing_delimiter_takes_the_rest_and_is_incomplete()
    {
        var script = ShellParser.Parse("cat <<EOF\nnot a command\n EOF");
        Assert.False(script.IsComplete);
        Assert.Equal(new[] { "cat" }, Names(script));
        Assert.Equal("not a command\n EOF", script.Commands[0].Redirections[0].HereDocument!.RawText);
    }

    [Fact]
    public void A_here_document_with_no_line_after_it_is_incomplete()
    {
        var script = ShellParser.Parse("cat <<EOF");
        Assert.False(script.IsComplete);
        Assert.Null(script.Commands[0].Redirections[0].HereDocument);
    }
}
