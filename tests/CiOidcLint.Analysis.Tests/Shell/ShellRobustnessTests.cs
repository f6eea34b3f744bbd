using System.Diagnostics;
using System.Text;
using CiOidcLint.Analysis.Shell;

namespace CiOidcLint.Analysis.Tests.Shell;

public sealed class ShellRobustnessTests
{
    private static readonly string[] Alphabet =
    {
        "$", "(", ")", "{", "}", "[", "]", "'", "\"", "`", "\\", "|", "&", ";", "<", ">", " ", "\n", "\t", "\r", "#",
        "=", "-", ":", "!", "?", "@", "*", "%", "~", "/", ".", "a", "Z", "_", "0", "9", "é",
        "$(", "$((", "${", "))", "<<", "<<-", "EOF", "if ", "then ", "fi", "case ", " in ", "esac", "for ", "do ", "done",
        ";;", "&&", "||", "[[ ", " ]]", "function ", "() ", "$'", "\\\n", "A=", "export ",
    };

    private static readonly string[] ComplexLines =
    {
        "export VAULT_TOKEN=\"$(vault write -field=token auth/jwt/login role=myproject-example jwt=$VAULT_ID_TOKEN)\"",
        "export A=$(printf \"%s\" $(aws sts get-caller-identity)) && echo \"${B:-$(c `d` \"e\")}\" | tee >(x) 2>&1 # note",
        "if [[ -n ${X[$i]} && $((n + 1)) -gt 2 ]]; then case $y in a|b) cat <<'EOF' ;;\nbody $z\nEOF\nesac; fi",
        "for f in $(ls); do { (cd \"$f\" && make) || echo $'fail\\n'; } & done; arr=(1 \"2 3\" $Q) x\\\ny",
        "deploy() { helm upgrade --set token=${CI_JOB_JWT_V2} x; }; cat <<-END | sed s/a/b/\n\t$W\n\tEND\ndeploy",
    };

    [Fact]
    public void Random_text_never_throws()
    {
        var random = new Random(20240611);
        for (var n = 0; n < 2000; n++)
        {
            var builder = new StringBuilder();
            var pieces = random.Next(0, 60);
            for (var i = 0; i < pieces; i++)
            {
                builder.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            var text = builder.ToString();
            CheckInvariants(text, ShellParser.Parse(text));
            CheckScanner(text, VariableScanner.Find(text));
        }
    }

    [Fact]
    public void Every_truncation_of_complex_lines_parses()
    {
        foreach (var line in ComplexLines)
        {
            for (var length = 0; length <= line.Length; length++)
            {
                var text = line.Substring(0, length);
                var script = ShellParser.Parse(text);
                CheckInvariants(text, script);
                CheckScanner(text, VariableScanner.Find(text));
                var suffix = line.Substring(length);
                CheckInvariants(suffix, ShellParser.Parse(suffix));
            }
        }
    }

    [Fact]
    public void Complex_lines_are_complete()
    {
        foreach (var line in ComplexLines)
        {
            Assert.True(ShellParser.Parse(line).IsComplete, line);
        }
    }

    [Theory]
    [InlineData("echo $(date")]
    [InlineData("echo \"abc")]
    [InlineData("echo 'abc")]
    [InlineData("echo $'abc")]
    [InlineData("echo ${X")]
    [InlineData("echo ${X:-$(y)")]
    [InlineData("echo `date")]
    [InlineData("echo $((1 + 2")]
    [InlineData("echo $(echo \"$(date)\"")]
    [InlineData("(cd x")]
    [InlineData("arr=(1 2")]
    [InlineData("cat <<EOF\nbody")]
    public void Unterminated_constructs_are_incomplete(string text)
    {
        var script = ShellParser.Parse(text);
        Assert.False(script.IsComplete);
        CheckInvariants(text, script);
    }

    [Fact]
    public void An_unterminated_substitution_still_has_its_commands()
    {
        var script = ShellParser.Parse("export X=$(vault read -field=x $PATH_");
        var substitution = Assert.Single(script.Commands[0].Words[1].Substitutions);
        Assert.False(substitution.IsTerminated);
        Assert.False(substitution.Inner.IsComplete);
        Assert.Equal("vault", substitution.Inner.Commands[0].Name);
        Assert.Equal("PATH_", Assert.Single(script.Variables).Name);
    }

    [Fact]
    public void Null_text_is_an_empty_script()
    {
        var script = ShellParser.Parse(null!);
        Assert.Empty(script.Commands);
        Assert.True(script.IsComplete);
        Assert.Empty(VariableScanner.Find(null!));
    }

    [Fact]
    public void Deep_nesting_is_limited_not_fatal()
    {
        var text = string.Concat(Enumerable.Repeat("$(echo ", 200)) + "$X" + new string(')', 200);
        var script = ShellParser.Parse(text);
        CheckInvariants(text, script);
        Assert.Contains(script.Variables, v => v.Name == "X");

        // The first levels are still substitutions.
        var level = script.Commands[0].Words[0].Substitutions[0];
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal("echo", level.Inner.Commands[0].Name);
            level = level.Inner.Commands[0].Words[1].Substitutions[0];
        }
    }

    [Theory]
    [InlineData("$(")]
    [InlineData("$((")]
    [InlineData("${")]
    [InlineData("${x:-")]
    [InlineData("\"$(")]
    [InlineData("`$(")]
    [InlineData("(")]
    [InlineData("((")]
    [InlineData("$(( $(")]
    [InlineData("<(")]
    [InlineData("a=(")]
    [InlineData("case x in ")]
    [InlineData("$(case x in a) ")]
    [InlineData("<<E\n")]
    [InlineData("\\\n")]
    [InlineData("$((a)")]
    [InlineData("((a) ")]
    [InlineData(")")]
    [InlineData("'")]
    public void Pathological_repetition_parses_without_overflow_and_keeps_invariants(string unit)
    {
        // How the time grows is measured in benchmarks (ShellBenchmarks), not here: timings in
        // unit tests fail on a loaded machine. This checks deep repetition neither overflows the
        // stack nor breaks the parse's invariants.
        var text = string.Concat(Enumerable.Repeat(unit, 200_000 / unit.Length));
        var closed = text + new string(')', 1000) + new string('}', 1000);
        CheckInvariants(text, ShellParser.Parse(text));
        CheckInvariants(closed, ShellParser.Parse(closed));
        Assert.All(VariableScanner.Find(text), v => Assert.True(v.End <= text.Length));
    }

    internal static void CheckInvariants(string text, ShellScript script)
    {
        CheckScript(text, script, 0);
        CheckReferences(text, script.Variables);
        for (var i = 1; i < script.Variables.Length; i++)
        {
            Assert.True(script.Variables[i - 1].Start < script.Variables[i].Start, "variables in order");
        }

        for (var i = 1; i < script.Comments.Length; i++)
        {
            Assert.True(script.Comments[i - 1].Start < script.Comments[i].Start, "comments in order");
        }

        foreach (var comment in script.Comments)
        {
            Assert.Equal(comment.Text, text.Substring(comment.Start, comment.Length));
            Assert.StartsWith("#", comment.Text);
        }

        _ = script.DescendantSubstitutions().Count();
    }

    private static void CheckScript(string text, ShellScript script, int depth)
    {
        Assert.True(depth <= ShellReader.MaxDepth + 1);
        for (var i = 1; i < script.Commands.Length; i++)
        {
            Assert.True(script.Commands[i - 1].Start <= script.Commands[i].Start, "commands in order");
        }

        foreach (var command in script.Commands)
        {
            Assert.InRange(command.Start, 0, command.End);
            Assert.InRange(command.End, command.Start, text.Length);
            Assert.True(command.Words.Length + command.Assignments.Length + command.Redirections.Length > 0);
            Assert.Equal(command.Terminator == ShellOperator.None, command.TerminatorStart < 0);
            if (command.TerminatorStart >= 0)
            {
                Assert.InRange(command.TerminatorStart, command.End, text.Length - 1);
            }

            _ = command.Name;
            _ = command.ToString();
            foreach (var assignment in command.Assignments)
            {
                CheckWord(text, assignment.Word, depth);
                CheckWord(text, assignment.Value, depth);
            }

            foreach (var word in command.Words)
            {
                CheckWord(text, word, depth);
            }

            foreach (var redirection in command.Redirections)
            {
                Assert.InRange(redirection.Start, 0, text.Length);
                Assert.InRange(redirection.End, redirection.Start, text.Length);
                _ = redirection.ToString();
                if (redirection.Target != null)
                {
                    CheckWord(text, redirection.Target, depth);
                }

                if (redirection.HereDocument != null)
                {
                    CheckWord(text, redirection.HereDocument, depth);
                }
            }
        }
    }

    private static void CheckWord(string text, ShellWord word, int depth)
    {
        Assert.InRange(word.Start, 0, text.Length);
        Assert.InRange(word.End, word.Start, text.Length);
        Assert.Equal(word.RawText, text.Substring(word.Start, word.Length));
        if (word.TryGetAssignment(out string name, out var offset))
        {
            Assert.InRange(offset, name.Length + 1, word.Length);
            Assert.True(word.TryGetAssignment(out ShellAssignment? assignment));
            CheckWord(text, assignment!.Value, depth);
        }

        foreach (var part in word.Parts)
        {
            CheckPart(text, word, part, depth);
        }

        foreach (var substitution in word.Substitutions)
        {
            CheckScript(text, substitution.Inner, depth + 1);
        }
    }

    private static void CheckPart(string text, ShellWord word, ShellWordPart part, int depth)
    {
        Assert.InRange(part.Start, word.Start, word.End);
        Assert.InRange(part.End, part.Start, word.End);
        switch (part)
        {
            case CommandSubstitution substitution:
                Assert.InRange(substitution.InnerStart, substitution.Start, substitution.End);
                Assert.InRange(substitution.InnerStart + substitution.InnerLength, substitution.InnerStart, substitution.End);
                break;
            case VariablePart variable:
                Assert.Equal(variable.Start, variable.Reference.Start);
                Assert.Equal(variable.Length, variable.Reference.Length);
                CheckReferences(text, One(variable.Reference));
                if (variable.Operand != null)
                {
                    CheckWord(text, variable.Operand, depth);
                }

                break;
            case ArithmeticPart arithmetic:
                foreach (var inner in arithmetic.Parts)
                {
                    Assert.InRange(inner.Start, arithmetic.Start, arithmetic.End);
                    Assert.InRange(inner.End, inner.Start, arithmetic.End);
                }

                break;
        }
    }

    private static IEnumerable<VariableReference> One(VariableReference reference) => new[] { reference };

    private static void CheckReferences(string text, IEnumerable<VariableReference> references)
    {
        foreach (var reference in references)
        {
            Assert.InRange(reference.Start, 0, text.Length - 1);
            Assert.InRange(reference.End, reference.Start + 1, text.Length);
            Assert.Equal('$', text[reference.Start]);
            Assert.Equal(reference.Name, text.Substring(reference.NameStart, reference.Name.Length));
            Assert.InRange(reference.NameStart + reference.Name.Length, reference.NameStart, reference.End);
        }
    }

    private static void CheckScanner(string text, IEnumerable<VariableReference> references)
    {
        var previous = -1;
        foreach (var reference in references)
        {
            Assert.True(reference.Start > previous);
            previous = reference.Start;
            Assert.InRange(reference.End, reference.Start + 2, text.Length);
            Assert.Equal(reference.Name, text.Substring(reference.NameStart, reference.Name.Length));
            Assert.Matches("^[A-Za-z_][A-Za-z0-9_]*$", reference.Name);
        }
    }
}
