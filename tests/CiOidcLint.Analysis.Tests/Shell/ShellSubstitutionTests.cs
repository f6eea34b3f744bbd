using CiOidcLint.Analysis.Shell;
using static CiOidcLint.Analysis.Tests.Shell.ShellTestHelpers;

namespace CiOidcLint.Analysis.Tests.Shell;

public sealed class ShellSubstitutionTests
{
    [Fact]
    public void Dollar_substitution_positions()
    {
        const string text = "echo $(date -u)";
        var word = Single(text).Words[1];
        var substitution = Assert.IsType<CommandSubstitution>(Assert.Single(word.Parts));
        Assert.Same(substitution, Assert.Single(word.Substitutions));
        Assert.Equal(SubstitutionForm.Dollar, substitution.Form);
        Assert.Equal(5, substitution.Start);
        Assert.Equal(10, substitution.Length);
        Assert.Equal(7, substitution.InnerStart);
        Assert.Equal(7, substitution.InnerLength);
        Assert.True(substitution.IsTerminated);
        Assert.False(substitution.InDoubleQuotes);
        var inner = Assert.Single(substitution.Inner.Commands);
        Assert.Equal("date", inner.Name);
        Assert.Equal(7, inner.Start);
        Assert.Equal(14, inner.End);
        Assert.Equal(12, inner.Words[1].Start);
    }

    [Fact]
    public void Backtick_substitution()
    {
        const string text = "echo `date +%s` \"`hostname`\"";
        var command = Single(text);
        var first = Assert.Single(command.Words[1].Substitutions);
        Assert.Equal(SubstitutionForm.Backtick, first.Form);
        Assert.Equal(5, first.Start);
        Assert.Equal(10, first.Length);
        Assert.Equal(6, first.InnerStart);
        Assert.Equal(new[] { "date", "+%s" }, Values(Assert.Single(first.Inner.Commands)));
        var second = Assert.Single(command.Words[2].Substitutions);
        Assert.True(second.InDoubleQuotes);
        Assert.Equal("hostname", second.Inner.Commands[0].Name);
    }

    [Fact]
    public void Escaped_backticks_inside_backticks_stay_literal()
    {
        var script = ShellParser.Parse("echo `echo \\`date\\`` after");
        Assert.True(script.IsComplete);
        var outer = Assert.Single(script.Commands[0].Words[1].Substitutions);
        Assert.True(outer.IsTerminated);
        Assert.Equal(new[] { "echo", "`date`" }, Values(outer.Inner.Commands[0]));
        Assert.Equal("after", script.Commands[0].Words[2].LiteralValue);
    }

    [Fact]
    public void Nested_substitutions_have_absolute_offsets()
    {
        const string text = "export A=$(printf \"%s\" $(aws sts get-caller-identity))";
        var script = ShellParser.Parse(text);
        Assert.True(script.IsComplete);
        var command = Assert.Single(script.Commands);
        Assert.Equal("export", command.Name);
        var word = command.Words[1];
        Assert.Equal(7, word.Start);
        Assert.Equal(text.Length - 7, word.Length);
        Assert.True(word.TryGetAssignment(out string name, out var valueOffset));
        Assert.Equal("A", name);
        Assert.Equal(2, valueOffset);

        var outer = Assert.Single(word.Substitutions);
        Assert.Equal(9, outer.Start);
        Assert.Equal(text.Length - 9, outer.Length);
        Assert.Equal(11, outer.InnerStart);
        var printf = Assert.Single(outer.Inner.Commands);
        Assert.Equal("printf", printf.Name);
        Assert.Equal(new[] { "printf", "%s", "<$(aws sts get-caller-identity)>" }, Values(printf));

        var inner = Assert.Single(printf.Words[2].Substitutions);
        Assert.Equal(text.IndexOf("$(aws", StringComparison.Ordinal), inner.Start);
        Assert.Equal(text.IndexOf("aws", StringComparison.Ordinal), inner.InnerStart);
        var aws = Assert.Single(inner.Inner.Commands);
        Assert.Equal(new[] { "aws", "sts", "get-caller-identity" }, Values(aws));
        Assert.Equal(text.IndexOf("sts", StringComparison.Ordinal), aws.Words[1].Start);

        // Direct substitutions only: the nested one is reached through the outer one.
        Assert.Single(word.Substitutions);
        Assert.Equal(new[] { outer, inner }, script.DescendantSubstitutions().ToArray());
    }

    [Fact]
    public void Substitutions_contain_quotes_and_parentheses()
    {
        const string text = "x=\"$(echo \")\" '(' \"$(echo ')')\" )\" && next";
        var script = ShellParser.Parse(text);
        Assert.True(script.IsComplete);
        Assert.Equal(new[] { "<null>", "next" }, Names(script));
        var outer = Assert.Single(script.Commands[0].Assignments[0].Value.Substitutions);
        Assert.True(outer.InDoubleQuotes);
        Assert.Equal(new[] { "echo", ")", "(", "<\"$(echo ')')\">" }, Values(outer.Inner.Commands[0]));
    }

    [Fact]
    public void A_comment_inside_a_substitution_runs_to_the_line_end()
    {
        var script = ShellParser.Parse("x=$(echo a # ) not closed here\n)");
        Assert.True(script.IsComplete);
        var substitution = script.Commands[0].Assignments[0].Value.Substitutions[0];
        Assert.Equal(new[] { "echo" }, Names(substitution.Inner));
        Assert.Equal("# ) not closed here", Assert.Single(script.Comments).Text);
        Assert.Same(script.Comments[0], Assert.Single(substitution.Inner.Comments));
    }

    [Fact]
    public void Arithmetic_is_not_a_substitution()
    {
        const string text = "echo $((1 + $X * (2 + 3)))";
        var script = ShellParser.Parse(text);
        Assert.True(script.IsComplete);
        var word = script.Commands[0].Words[1];
        var arithmetic = Assert.IsType<ArithmeticPart>(Assert.Single(word.Parts));
        Assert.Equal("1 + $X * (2 + 3)", arithmetic.Text);
        Assert.Equal(5, arithmetic.Start);
        Assert.Equal(text.Length - 5, arithmetic.Length);
        Assert.Empty(word.Substitutions);
        var x = Assert.Single(script.Variables);
        Assert.Equal("X", x.Name);
        Assert.Equal(text.IndexOf("$X", StringComparison.Ordinal), x.Start);
    }

    [Fact]
    public void A_substitution_inside_arithmetic_counts_for_the_word()
    {
        var word = Single("echo $(( $(wc -l < f) + 1 ))").Words[1];
        Assert.IsType<ArithmeticPart>(Assert.Single(word.Parts));
        Assert.Equal("wc", Assert.Single(word.Substitutions).Inner.Commands[0].Name);
    }

    [Theory]
    [InlineData("echo $( (cd x; ls) )")]
    [InlineData("echo $((cd x; ls) )")]
    [InlineData("echo $((cd x); ls)")]
    public void A_subshell_inside_a_substitution_is_not_arithmetic(string text)
    {
        var script = ShellParser.Parse(text);
        Assert.True(script.IsComplete);
        var substitution = Assert.Single(script.Commands[0].Words[1].Substitutions);
        Assert.Equal(new[] { "cd", "ls" }, Names(substitution.Inner));
    }

    [Fact]
    public void Parameter_expansions()
    {
        const string text = "echo ${VAR:-default} ${#LEN} ${!REF} ${ARR[$I]} ${P%%/*} ${Y:=$Z}";
        var script = ShellParser.Parse(text);
        Assert.True(script.IsComplete);
        Assert.Equal(new[] { "VAR", "LEN", "REF", "ARR", "I", "P", "Y", "Z" }, script.Variables.Select(v => v.Name).ToArray());
        Assert.All(script.Variables.Where(v => v.Name != "Z" && v.Name != "I"), v => Assert.Equal(VariableForm.Braced, v.Form));

        var var = script.Variables[0];
        Assert.Equal(5, var.Start);
        Assert.Equal("${VAR:-default}".Length, var.Length);
        Assert.Equal(7, var.NameStart);
        var part = Assert.IsType<VariablePart>(script.Commands[0].Words[1].Parts[0]);
        Assert.Same(var, part.Reference);
        Assert.Equal(":-", part.Operator);
        Assert.Equal("default", part.Operand!.LiteralValue);
        Assert.Equal(text.IndexOf("default", StringComparison.Ordinal), part.Operand.Start);

        var len = script.Variables[1];
        Assert.Equal(len.Start + 3, len.NameStart);
        Assert.Equal("%%", ((VariablePart)script.Commands[0].Words[5].Parts[0]).Operator);
    }

    [Fact]
    public void A_default_value_may_run_a_command()
    {
        const string text = "TOKEN=\"${VAULT_TOKEN:-$(vault login -token-only)}\"";
        var script = ShellParser.Parse(text);
        Assert.True(script.IsComplete);
        var value = Assert.Single(script.Commands[0].Assignments).Value;
        var substitution = Assert.Single(value.Substitutions);
        Assert.Equal("vault", substitution.Inner.Commands[0].Name);
        Assert.True(substitution.InDoubleQuotes);
        var reference = script.Variables[0];
        Assert.Equal("VAULT_TOKEN", reference.Name);
        Assert.True(reference.InDoubleQuotes);
        Assert.Equal(text.Length - 8, reference.Length);
    }

    [Fact]
    public void Nested_braces_in_a_default()
    {
        var script = ShellParser.Parse("echo ${A:-{x}} ${B:-${C:-d}}");
        Assert.True(script.IsComplete);
        Assert.Equal(new[] { "A", "B", "C" }, script.Variables.Select(v => v.Name).ToArray());
        Assert.Equal("{x}", ((VariablePart)script.Commands[0].Words[1].Parts[0]).Operand!.LiteralValue);
        Assert.Equal(3, script.Commands[0].Words.Length);
    }

    [Fact]
    public void Special_parameters_are_not_named_variables()
    {
        var script = ShellParser.Parse("echo $? $1 $@ ${10} $$ $# $! $- $* $0 ${#} ${@}");
        Assert.Empty(script.Variables);
        var names = script.Commands[0].Words.Skip(1)
            .Select(w => Assert.IsType<VariablePart>(Assert.Single(w.Parts)).Reference)
            .Select(r => (r.Name, r.Form)).ToArray();
        Assert.All(names, n => Assert.Equal(VariableForm.Special, n.Form));
        Assert.Equal(new[] { "?", "1", "@", "10", "$", "#", "!", "-", "*", "0", "#", "@" }, names.Select(n => n.Name).ToArray());
    }

    [Fact]
    public void Positional_parameters_take_one_digit()
    {
        var word = Single("echo $10").Words[1];
        Assert.Equal(2, word.Parts.Length);
        Assert.Equal("0", Assert.IsType<LiteralPart>(word.Parts[1]).Text);
    }

    [Fact]
    public void A_lone_dollar_is_literal()
    {
        var command = Single("echo $ \"$\" a$ $/ \"a$\"");
        Assert.Equal(new[] { "echo", "$", "$", "a$", "$/", "a$" }, Values(command));
    }

    [Fact]
    public void Variable_names_take_every_name_character()
    {
        var script = ShellParser.Parse("echo $CI_JOB_JWT_FOO ${CI_JOB_JWT}_V2 $A-b $B.c x$C/y");
        Assert.Equal(new[] { "CI_JOB_JWT_FOO", "CI_JOB_JWT", "A", "B", "C" }, script.Variables.Select(v => v.Name).ToArray());
        Assert.Equal(new[] { 15, 13, 2, 2, 2 }, script.Variables.Select(v => v.Length).ToArray());
        Assert.Equal(new[] { VariableForm.Dollar, VariableForm.Braced, VariableForm.Dollar, VariableForm.Dollar, VariableForm.Dollar }, script.Variables.Select(v => v.Form).ToArray());
    }

    [Fact]
    public void Quoting_and_substitution_flags()
    {
        var script = ShellParser.Parse("echo \"$A\" $B '$C' $(echo \"$D\" $E) \"$(echo $F)\"");
        Assert.Equal(new[] { "A", "B", "D", "E", "F" }, script.Variables.Select(v => v.Name).ToArray());
        Assert.Equal(new[] { true, false, true, false, false }, script.Variables.Select(v => v.InDoubleQuotes).ToArray());
        Assert.Equal(new[] { false, false, true, true, true }, script.Variables.Select(v => v.InSubstitution).ToArray());
        var inner = script.Commands[0].Words[4].Substitutions[0].Inner;
        Assert.Equal(new[] { "D", "E" }, inner.Variables.Select(v => v.Name).ToArray());
        Assert.Same(script.Variables[2], inner.Variables[0]);
    }

    [Fact]
    public void Process_substitutions_run_commands()
    {
        var script = ShellParser.Parse("diff <(sort a) >(tee b)\nwhile read l; do :; done < <(list $X)");
        Assert.True(script.IsComplete);
        var diff = script.Commands[0];
        Assert.Equal("diff", diff.Name);
        Assert.Equal(SubstitutionForm.ProcessInput, diff.Words[1].Substitutions[0].Form);
        Assert.Equal(SubstitutionForm.ProcessOutput, diff.Words[2].Substitutions[0].Form);
        Assert.Equal("sort", diff.Words[1].Substitutions[0].Inner.Commands[0].Name);
        Assert.Equal(new[] { "diff", "read", ":" }, Names(script));
        Assert.Equal("X", Assert.Single(script.Variables).Name);
    }

    [Fact]
    public void Substitutions_in_words_and_assignments_are_found_by_descendants()
    {
        var script = ShellParser.Parse("A=$(a) b `c` > $(d)");
        Assert.Equal(new[] { "a", "c", "d" }, script.DescendantSubstitutions().Select(s => s.Inner.Commands[0].Name).ToArray());
    }
}
