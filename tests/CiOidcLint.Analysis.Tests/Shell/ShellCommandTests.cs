using CiOidcLint.Analysis.Shell;
using static CiOidcLint.Analysis.Tests.Shell.ShellTestHelpers;

namespace CiOidcLint.Analysis.Tests.Shell;

public sealed class ShellCommandTests
{
    [Fact]
    public void Empty_and_blank_scripts_have_no_commands()
    {
        foreach (var text in new[] { string.Empty, "   ", "\n\n", "# only a comment", " \\\n " })
        {
            var script = ShellParser.Parse(text);
            Assert.Empty(script.Commands);
            Assert.True(script.IsComplete);
        }
    }

    [Fact]
    public void And_list_terminators()
    {
        const string text = "cmd1 && cmd2";
        var script = ShellParser.Parse(text);
        Assert.Equal(new[] { "cmd1", "cmd2" }, Names(script));
        Assert.Equal(ShellOperator.AndIf, script.Commands[0].Terminator);
        Assert.Equal(5, script.Commands[0].TerminatorStart);
        Assert.Equal(4, script.Commands[0].End);
        Assert.Equal(ShellOperator.None, script.Commands[1].Terminator);
        Assert.Equal(-1, script.Commands[1].TerminatorStart);
        Assert.Equal(8, script.Commands[1].Start);
    }

    [Fact]
    public void Pipes()
    {
        var script = ShellParser.Parse("a | b |& c");
        Assert.Equal(new[] { "a", "b", "c" }, Names(script));
        Assert.Equal(new[] { ShellOperator.Pipe, ShellOperator.Pipe, ShellOperator.None }, script.Commands.Select(c => c.Terminator).ToArray());
        Assert.Equal(new[] { 2, 6, -1 }, script.Commands.Select(c => c.TerminatorStart).ToArray());
    }

    [Fact]
    public void Every_operator()
    {
        var script = ShellParser.Parse("a || b; c & d\ne && f|g");
        Assert.Equal(new[] { "a", "b", "c", "d", "e", "f", "g" }, Names(script));
        Assert.Equal(
            new[] { ShellOperator.OrIf, ShellOperator.Semicolon, ShellOperator.Background, ShellOperator.Newline, ShellOperator.AndIf, ShellOperator.Pipe, ShellOperator.None },
            script.Commands.Select(c => c.Terminator).ToArray());
    }

    [Fact]
    public void Operators_need_no_blanks()
    {
        var script = ShellParser.Parse("a&&b||c;d|e");
        Assert.Equal(new[] { "a", "b", "c", "d", "e" }, Names(script));
    }

    [Fact]
    public void Comments_at_line_end_do_not_hide_the_line_break()
    {
        const string text = "make build # compile it\nmake test";
        var script = ShellParser.Parse(text);
        Assert.Equal(new[] { "make", "make" }, Names(script));
        Assert.Equal(new[] { "make", "build" }, Values(script.Commands[0]));
        Assert.Equal(ShellOperator.Newline, script.Commands[0].Terminator);
        Assert.Equal(text.IndexOf('\n'), script.Commands[0].TerminatorStart);
        var comment = Assert.Single(script.Comments);
        Assert.Equal("# compile it", comment.Text);
        Assert.Equal(11, comment.Start);
    }

    [Fact]
    public void A_comment_swallows_operators()
    {
        var script = ShellParser.Parse("a # && b");
        Assert.Equal(new[] { "a" }, Names(script));
        Assert.Equal(ShellOperator.None, script.Commands[0].Terminator);
    }

    [Fact]
    public void Assignments_before_the_command_name()
    {
        const string text = "A=1 B=\"two\" env C=3";
        var command = Single(text);
        Assert.Equal(new[] { "A", "B" }, command.Assignments.Select(a => a.Name).ToArray());
        Assert.Equal(new[] { 0, 4 }, command.Assignments.Select(a => a.NameStart).ToArray());
        Assert.Equal("two", command.Assignments[1].Value.LiteralValue);
        Assert.Equal(new[] { "env", "C=3" }, Values(command));
        Assert.Equal("env", command.Name);
    }

    [Fact]
    public void Assignments_alone_are_a_command_with_no_name()
    {
        var command = Single("TOKEN=$(get-token)");
        Assert.Null(command.Name);
        Assert.Empty(command.Words);
        var assignment = Assert.Single(command.Assignments);
        Assert.Equal("TOKEN", assignment.Name);
        Assert.Equal("get-token", Assert.Single(assignment.Value.Substitutions).Inner.Commands[0].Name);
    }

    [Fact]
    public void Export_arguments_are_words_not_assignments()
    {
        var command = Single("export A=$(cmd) B");
        Assert.Empty(command.Assignments);
        Assert.Equal("export", command.Name);
        Assert.Equal(3, command.Words.Length);
        Assert.True(command.Words[1].TryGetAssignment(out string name, out _));
        Assert.Equal("A", name);
    }

    [Fact]
    public void A_quoted_or_variable_command_name_is_not_literal()
    {
        Assert.Equal("echo", Single("\"echo\" hi").Name);
        Assert.Null(Single("$CMD hi").Name);
    }

    [Fact]
    public void Redirections_are_not_words()
    {
        const string text = "cmd >out.txt 2>&1 < in arg 2>> log &> all >| force 3<> rw";
        var command = Single(text);
        Assert.Equal(new[] { "cmd", "arg" }, Values(command));
        Assert.Equal(new[] { ">", ">&", "<", ">>", "&>", ">|", "<>" }, command.Redirections.Select(r => r.Operator).ToArray());
        Assert.Equal(new[] { null, "2", null, "2", null, null, "3" }, command.Redirections.Select(r => r.FileDescriptor).ToArray());
        Assert.Equal(new[] { "out.txt", "1", "in", "log", "all", "force", "rw" }, command.Redirections.Select(r => r.Target!.LiteralValue).ToArray());
        var dup = command.Redirections[1];
        Assert.Equal(13, dup.Start);
        Assert.Equal(4, dup.Length);
        Assert.Equal(text.Length, command.End);
    }

    [Fact]
    public void A_redirection_target_may_be_expanded()
    {
        var script = ShellParser.Parse("echo hi > \"$OUT/$(date)\"");
        var redirection = Assert.Single(script.Commands[0].Redirections);
        Assert.Equal("\"$OUT/$(date)\"", redirection.Target!.RawText);
        Assert.Equal("OUT", Assert.Single(script.Variables).Name);
        Assert.Single(redirection.Target.Substitutions);
    }

    [Fact]
    public void A_redirection_alone_is_a_command()
    {
        var command = Single("> file");
        Assert.Empty(command.Words);
        Assert.Null(command.Name);
        Assert.Single(command.Redirections);
    }

    [Fact]
    public void Here_strings()
    {
        var command = Single("jq . <<< \"$JSON\"");
        var redirection = Assert.Single(command.Redirections);
        Assert.Equal("<<<", redirection.Operator);
        Assert.False(redirection.IsHereDocument);
        Assert.Equal("\"$JSON\"", redirection.Target!.RawText);
    }

    [Fact]
    public void Subshells_and_groups_flatten_their_commands()
    {
        var script = ShellParser.Parse("(cd dir && make) ; { echo a; echo b; } | tee log");
        Assert.True(script.IsComplete);
        Assert.Equal(new[] { "cd", "make", "echo", "echo", "tee" }, Names(script));
        Assert.Equal(new[] { "cd", "dir" }, Values(script.Commands[0]));
        Assert.Equal(ShellOperator.AndIf, script.Commands[0].Terminator);
        Assert.Equal(new[] { "make" }, Values(script.Commands[1]));
    }

    [Fact]
    public void A_command_closed_by_a_parenthesis_takes_the_operator_after_it()
    {
        var script = ShellParser.Parse("(a && b) || c");
        Assert.Equal(new[] { "a", "b", "c" }, Names(script));
        Assert.Equal(ShellOperator.AndIf, script.Commands[0].Terminator);
        Assert.Equal(ShellOperator.OrIf, script.Commands[1].Terminator);
        Assert.Equal(9, script.Commands[1].TerminatorStart);
        Assert.Equal(ShellOperator.None, script.Commands[2].Terminator);
    }

    [Fact]
    public void Nested_subshells()
    {
        var script = ShellParser.Parse("((a) && (b))");
        Assert.True(script.IsComplete);
        Assert.Equal(new[] { "a", "b" }, Names(script));
        Assert.Equal(ShellOperator.AndIf, script.Commands[0].Terminator);
    }

    [Fact]
    public void An_unclosed_subshell_is_incomplete()
    {
        var script = ShellParser.Parse("(a && b");
        Assert.False(script.IsComplete);
        Assert.Equal(new[] { "a", "b" }, Names(script));
    }

    [Fact]
    public void Reserved_words_are_skipped_at_command_position()
    {
        var script = ShellParser.Parse("if export X=$(cmd); then echo ok; elif ! true; then :; else echo no; fi");
        Assert.Equal(new[] { "export", "echo", "true", ":", "echo" }, Names(script));
        var export = script.Commands[0];
        Assert.Equal(new[] { "export", "<X=$(cmd)>" }, Values(export));
        Assert.Equal("cmd", export.Words[1].Substitutions[0].Inner.Commands[0].Name);
        Assert.Equal(ShellOperator.Semicolon, export.Terminator);
    }

    [Fact]
    public void Reserved_words_are_ordinary_arguments_elsewhere()
    {
        Assert.Equal(new[] { "echo", "if", "then", "fi", "{", "}", "!" }, Values(Single("echo if then fi { } !")));
    }

    [Fact]
    public void Quoted_reserved_words_are_commands()
    {
        Assert.Equal("if", Single("'if' x").Name);
    }

    [Fact]
    public void For_loops_give_only_their_body()
    {
        var script = ShellParser.Parse("for x in a b $(ls); do echo $x; done");
        Assert.True(script.IsComplete);
        Assert.Equal(new[] { "echo" }, Names(script));
        Assert.Equal(new[] { "echo", "<$x>" }, Values(script.Commands[0]));
    }

    [Fact]
    public void For_loops_across_lines_and_arithmetic_for()
    {
        var script = ShellParser.Parse("for f in *.yml\ndo\n  lint \"$f\"\ndone\nfor ((i = 0; i < $N; i++)); do step $i; done");
        Assert.True(script.IsComplete);
        Assert.Equal(new[] { "lint", "step" }, Names(script));
        Assert.Contains(script.Variables, v => v.Name == "N");
    }

    [Fact]
    public void While_loops_and_redirected_compound_commands()
    {
        var script = ShellParser.Parse("while read -r line; do echo \"$line\"; done < input.txt && next");
        Assert.Equal(new[] { "read", "echo", "next" }, Names(script));
    }

    [Fact]
    public void Case_statements_skip_their_patterns()
    {
        var script = ShellParser.Parse("case \"$ENV\" in\n  prod|production) deploy --prod ;;\n  (dev) deploy ;;&\n  *) echo skip ;;\nesac; after");
        Assert.True(script.IsComplete);
        Assert.Equal(new[] { "deploy", "deploy", "echo", "after" }, Names(script));
        Assert.Equal(new[] { "deploy", "--prod" }, Values(script.Commands[0]));
        Assert.Equal("ENV", Assert.Single(script.Variables).Name);
    }

    [Fact]
    public void Case_inside_a_command_substitution()
    {
        var script = ShellParser.Parse("x=$(case $a in a) echo one;; b) echo two;; esac) && next");
        Assert.True(script.IsComplete);
        Assert.Equal(new[] { "<null>", "next" }, Names(script));
        var substitution = Assert.Single(script.Commands[0].Assignments[0].Value.Substitutions);
        Assert.True(substitution.IsTerminated);
        Assert.Equal(new[] { "echo", "echo" }, Names(substitution.Inner));
    }

    [Fact]
    public void Conditional_expressions_keep_their_operators_as_words()
    {
        var script = ShellParser.Parse("[[ -n $A && ( $B == x || $C < d ) ]] && echo yes");
        Assert.Equal(new[] { "[[", "echo" }, Names(script));
        Assert.Equal(
            new[] { "[[", "-n", "<$A>", "&&", "(", "<$B>", "==", "x", "||", "<$C>", "<", "d", ")", "]]" },
            Values(script.Commands[0]));
        Assert.Equal(ShellOperator.AndIf, script.Commands[0].Terminator);
    }

    [Fact]
    public void Functions_are_defined_not_run()
    {
        var script = ShellParser.Parse("deploy() { helm upgrade x; }\nfunction check { test -f x; }\nfunction other() { :; }\ndeploy");
        Assert.Equal(new[] { "helm", "test", ":", "deploy" }, Names(script));
    }

    [Fact]
    public void Arithmetic_commands_run_nothing()
    {
        var script = ShellParser.Parse("((count++)) && echo $((count * $STEP))");
        Assert.Equal(new[] { "echo" }, Names(script));
        Assert.Equal("STEP", Assert.Single(script.Variables).Name);
    }

    [Fact]
    public void Background_jobs()
    {
        var script = ShellParser.Parse("server & sleep 1; curl localhost");
        Assert.Equal(new[] { ShellOperator.Background, ShellOperator.Semicolon, ShellOperator.None }, script.Commands.Select(c => c.Terminator).ToArray());
    }

    [Fact]
    public void Crlf_line_ends()
    {
        var script = ShellParser.Parse("echo a\r\necho b\r\n");
        Assert.Equal(new[] { "echo", "a" }, Values(script.Commands[0]));
        Assert.Equal(new[] { "echo", "b" }, Values(script.Commands[1]));
        Assert.Equal(ShellOperator.Newline, script.Commands[0].Terminator);
    }

    [Fact]
    public void Stray_closing_parentheses_are_ignored()
    {
        var script = ShellParser.Parse("a ) b");
        Assert.Equal(new[] { "a", "b" }, Names(script));
    }
}
