using CiOidcLint.Analysis.Shell;
using static CiOidcLint.Analysis.Tests.Shell.ShellTestHelpers;

namespace CiOidcLint.Analysis.Tests.Shell;

public sealed class ShellWordTests
{
    [Fact]
    public void Plain_words_have_positions_and_literal_values()
    {
        const string text = "  echo hello   world";
        var command = Single(text);
        Assert.Equal(new[] { "echo", "hello", "world" }, Values(command));
        Assert.Equal(new[] { 2, 7, 15 }, command.Words.Select(w => w.Start).ToArray());
        Assert.Equal(new[] { 4, 5, 5 }, command.Words.Select(w => w.Length).ToArray());
        Assert.Equal("echo", command.Name);
        Assert.Equal(2, command.Start);
        Assert.Equal(text.Length, command.End);
    }

    [Fact]
    public void Single_quotes_keep_everything_literal()
    {
        const string text = "echo 'a $X \"b\" \\n $(c)'";
        var script = ShellParser.Parse(text);
        var word = Assert.Single(script.Commands).Words[1];
        Assert.Equal("a $X \"b\" \\n $(c)", word.LiteralValue);
        var part = Assert.IsType<LiteralPart>(Assert.Single(word.Parts));
        Assert.Equal(QuoteKind.Single, part.Quote);
        Assert.Equal(5, part.Start);
        Assert.Equal(text.Length - 5, part.Length);
        Assert.Empty(script.Variables);
        Assert.Empty(word.Substitutions);
    }

    [Fact]
    public void Double_quotes_handle_their_four_escapes_and_keep_other_backslashes()
    {
        const string text = "echo \"a\\\"b\\\\c\\$d\\`e\\nf\"";
        var word = Single(text).Words[1];
        Assert.Equal("a\"b\\c$d`e\\nf", word.LiteralValue);
        Assert.Equal(text.Substring(5), word.RawText);
        var part = Assert.IsType<LiteralPart>(Assert.Single(word.Parts));
        Assert.Equal(QuoteKind.Double, part.Quote);

        // The content only: the quote characters belong to no part.
        Assert.Equal(6, part.Start);
        Assert.Equal(text.Length - 7, part.Length);
    }

    [Fact]
    public void Empty_quotes_give_an_empty_word()
    {
        var command = Single("printf '' \"\" $''");
        Assert.Equal(new[] { "printf", "", "", "" }, Values(command));
        var doubled = Assert.IsType<LiteralPart>(Assert.Single(command.Words[2].Parts));
        Assert.Equal(QuoteKind.Double, doubled.Quote);
        Assert.Equal(10, doubled.Start);
        Assert.Equal(2, doubled.Length);
    }

    [Fact]
    public void Adjacent_quotings_join_into_one_word_with_one_part_each()
    {
        var word = Single("echo a\"b\"'c'$'d'").Words[1];
        Assert.Equal("abcd", word.LiteralValue);
        Assert.Equal(new[] { QuoteKind.None, QuoteKind.Double, QuoteKind.Single, QuoteKind.AnsiC }, word.Parts.Cast<LiteralPart>().Select(p => p.Quote).ToArray());
        Assert.Equal("a\"b\"'c'$'d'", word.RawText);
    }

    [Fact]
    public void Ansi_c_quotes_decode_escapes()
    {
        var word = Single(@"printf $'a\tb\n\x41\101\'\\\q'").Words[1];
        Assert.Equal("a\tb\nAA'\\\\q", word.LiteralValue);
        Assert.Equal(QuoteKind.AnsiC, ((LiteralPart)word.Parts[0]).Quote);
    }

    [Fact]
    public void Locale_strings_read_as_double_quotes()
    {
        var script = ShellParser.Parse("echo $\"hello $USER\"");
        var word = script.Commands[0].Words[1];
        Assert.Null(word.LiteralValue);
        Assert.Equal("USER", Assert.Single(script.Variables).Name);
        Assert.True(script.Variables[0].InDoubleQuotes);
    }

    [Fact]
    public void Backslash_escapes_outside_quotes()
    {
        var command = Single(@"echo \$HOME a\ b \' \\");
        Assert.Equal(new[] { "echo", "$HOME", "a b", "'", "\\" }, Values(command));
        Assert.Empty(ShellParser.Parse(@"echo \$HOME").Variables);
    }

    [Fact]
    public void A_trailing_backslash_is_literal()
    {
        var script = ShellParser.Parse("echo a\\");
        Assert.Equal("a\\", script.Commands[0].Words[1].LiteralValue);
    }

    [Fact]
    public void Line_continuations_join_lines()
    {
        const string text = "aws sts \\\n  assume-role --role-arn ab\\\ncd\\\r\n  --x";
        var command = Single(text);
        Assert.Equal(new[] { "aws", "sts", "assume-role", "--role-arn", "abcd", "--x" }, Values(command));
        var joined = command.Words[4];
        Assert.Equal("ab\\\ncd", joined.RawText);
        Assert.Equal(text.IndexOf("ab\\", StringComparison.Ordinal), joined.Start);
        Assert.Equal(ShellOperator.None, command.Terminator);
    }

    [Fact]
    public void Line_continuations_inside_double_quotes_join_too()
    {
        Assert.Equal("ab", Single("echo \"a\\\nb\"").Words[1].LiteralValue);
    }

    [Fact]
    public void A_hash_inside_a_word_is_not_a_comment()
    {
        var script = ShellParser.Parse("echo a#b c # real comment");
        Assert.Equal(new[] { "echo", "a#b", "c" }, Values(script.Commands[0]));
        var comment = Assert.Single(script.Comments);
        Assert.Equal("# real comment", comment.Text);
        Assert.Equal(11, comment.Start);
        Assert.Equal(14, comment.Length);
    }

    [Fact]
    public void Words_with_expansions_have_no_literal_value()
    {
        var command = Single("echo $A \"x$B\" ${C} $(d) `e` $((1+2)) ~/x *.txt");
        Assert.Equal(new string?[] { "echo", null, null, null, null, null, null, "~/x", "*.txt" }, command.Words.Select(w => w.LiteralValue).ToArray());
    }

    [Theory]
    [InlineData("A=1", "A", 2)]
    [InlineData("A_B9=", "A_B9", 5)]
    [InlineData("A+=x", "A", 3)]
    [InlineData("arr[3]=x", "arr", 7)]
    [InlineData("VAULT_TOKEN=\"$(vault write)\"", "VAULT_TOKEN", 12)]
    public void Assignment_shaped_words_are_recognised(string word, string name, int valueOffset)
    {
        var parsed = Single("export " + word).Words[1];
        Assert.True(parsed.TryGetAssignment(out string actualName, out int actualOffset));
        Assert.Equal(name, actualName);
        Assert.Equal(valueOffset, actualOffset);
    }

    [Theory]
    [InlineData("=1")]
    [InlineData("1A=1")]
    [InlineData("A")]
    [InlineData("\"A\"=1")]
    [InlineData("A\\=1")]
    [InlineData("A-B=1")]
    [InlineData("$A=1")]
    [InlineData("arr[3=x")]
    public void Other_words_are_not_assignments(string word)
    {
        var parsed = Single("export " + word).Words[1];
        Assert.False(parsed.TryGetAssignment(out string _, out int offset));
        Assert.Equal(-1, offset);
        Assert.False(parsed.TryGetAssignment(out ShellAssignment? assignment));
        Assert.Null(assignment);
    }

    [Fact]
    public void An_assignment_word_splits_into_name_and_value()
    {
        const string text = "export TOKEN=abc$(cat f)\"x\"";
        var word = Single(text).Words[1];
        Assert.True(word.TryGetAssignment(out ShellAssignment? assignment));
        Assert.Equal("TOKEN", assignment!.Name);
        Assert.Equal(7, assignment.NameStart);
        Assert.Same(word, assignment.Word);
        var value = assignment.Value;
        Assert.Equal("abc$(cat f)\"x\"", value.RawText);
        Assert.Equal(13, value.Start);
        Assert.Equal(3, value.Parts.Length);
        var literal = Assert.IsType<LiteralPart>(value.Parts[0]);
        Assert.Equal("abc", literal.Text);
        Assert.Equal(13, literal.Start);
        Assert.Equal(3, literal.Length);
        Assert.Single(value.Substitutions);
        Assert.Equal("cat", value.Substitutions[0].Inner.Commands[0].Name);
    }

    [Fact]
    public void An_empty_assignment_value_is_an_empty_word()
    {
        var assignment = Assert.Single(Single("A= cmd").Assignments);
        Assert.Equal("A", assignment.Name);
        Assert.Equal(string.Empty, assignment.Value.RawText);
        Assert.Empty(assignment.Value.Parts);
        Assert.Equal(string.Empty, assignment.Value.LiteralValue);
        Assert.Equal(2, assignment.Value.Start);
    }

    [Fact]
    public void Array_values_keep_their_blanks()
    {
        var script = ShellParser.Parse("arr=(one \"two three\" $X) && echo");
        Assert.True(script.IsComplete);
        var first = script.Commands[0];
        var assignment = Assert.Single(first.Assignments);
        Assert.Equal("arr", assignment.Name);
        Assert.Equal("(one \"two three\" $X)", assignment.Value.RawText);
        Assert.Equal("X", Assert.Single(script.Variables).Name);
        Assert.Equal(ShellOperator.AndIf, first.Terminator);
        Assert.Equal("echo", script.Commands[1].Name);
    }
}
