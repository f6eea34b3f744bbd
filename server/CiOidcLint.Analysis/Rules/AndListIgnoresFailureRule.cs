using System;
using System.Collections.Immutable;
using System.Linq;
using CiOidcLint.Analysis.Fixes;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Shell;
using CiOidcLint.Analysis.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;

namespace CiOidcLint.Analysis.Rules;

/// <summary>
/// CIOL011: errexit ignores a failure of any command of an <c>&amp;&amp;</c> list but the last,
/// so <c>cd build &amp;&amp; make</c> on any line but the job's last lets the job go on after a
/// failed <c>cd</c> (GitLab's <c>doc/ci/yaml/script.md</c>). On the last line the list's status
/// is the job's, so it is reported only elsewhere.
/// </summary>
public sealed class AndListIgnoresFailureRule : IJobRule
{
    /// <summary>The text before a function body's first command: <c>name() {</c> or <c>function name {</c>.</summary>
    private static readonly System.Text.RegularExpressions.Regex FunctionOpening = new(
        @"(?:^|[\s;])(?:function\s+[A-Za-z_][\w-]*\s*(?:\(\s*\))?|[A-Za-z_][\w-]*\s*\(\s*\))\s*\{\s*$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    public static readonly DiagnosticDescriptor Rule = RuleCatalog.Describe(
        "CIOL011",
        "And-list ignores failure",
        "'{0}' runs before '&&' on a line that is not the job's last, so errexit ignores its failure and the job goes on ({1})",
        DiagnosticSeverity.Info,
        "The shell does not exit on a failure of a command in an && list other than the last one.");

    /// <summary>Tests whose failure is the list's purpose (<c>[ -f x ] &amp;&amp; rm x</c>).</summary>
    private static readonly ImmutableHashSet<string> Conditions = ImmutableHashSet.Create(StringComparer.Ordinal, "[", "[[", "test", "true", "false", ":");

    private static readonly string[] ConditionKeywords = { "if", "elif", "while", "until", "!" };

    public DiagnosticDescriptor Descriptor => Rule;

    public string Name => "and-list-ignores-failure";

    /// <summary>Which line runs last depends on the job's effective script, so only whole jobs are judged.</summary>
    public bool NeedsJobContext => true;

    public void AnalyzeJob(JobContext context)
    {
        // A bash rule: a PowerShell job (a Windows runner) reads its lines by other rules.
        if (context.Job.Shell == JobShell.PowerShell)
        {
            return;
        }

        foreach (var line in context.Job.ScriptLines)
        {
            // after_script runs in a shell of its own whose failure never fails the job.
            if (line.Section == "after_script" || line.Text.IndexOf("&&", StringComparison.Ordinal) < 0)
            {
                continue;
            }

            Check(line, line.Shell, context);
        }
    }

    private static void Check(ScriptLine line, ShellScript script, JobContext context)
    {
        var commands = script.Commands;
        for (var i = 0; i < commands.Length; i++)
        {
            var first = commands[i];
            if (first.Terminator != ShellOperator.AndIf || (i > 0 && commands[i - 1].Terminator is ShellOperator.AndIf or ShellOperator.OrIf or ShellOperator.Pipe))
            {
                continue;
            }

            // The whole list: up to the first command that does not end in '&&'.
            var last = i;
            while (last + 1 < commands.Length && commands[last].Terminator is ShellOperator.AndIf or ShellOperator.Pipe)
            {
                last++;
            }

            var list = commands.Skip(i).Take(last - i + 1).ToList();
            // '… && break' in a retry loop handles the failure on purpose.
            if (list.Any(c => c.Terminator == ShellOperator.OrIf) || list[list.Count - 1].Name is "break" or "continue" or "return" or "exit" || first.Name is null || Conditions.Contains(first.Name) || IsCondition(line.Text, commands, i))
            {
                continue;
            }

            // On the line the job's shell runs last, the list's status is the job's status.
            if (line.IsLastInShell && last == commands.Length - 1)
            {
                continue;
            }

            // The last list of a subshell or of a function body is its status, and errexit stops
            // the job when the subshell or the function call fails (checked with bash -e; a
            // brace group or an if/for/while body does not do that, so those stay flagged).
            if (EndsSubshellOrFunction(line.Text, commands, i, last))
            {
                continue;
            }

            var span = line.Node.MapToSource(first.Start, first.TerminatorStart + 2 - first.Start);
            var fixes = SplitFix(line, commands, first, list);
            context.Report(new SourceLocation(line.Node.File, span), fixes, first.Name);
        }
    }

    /// <summary>
    /// Whether the list from <paramref name="first"/> to <paramref name="last"/> is followed by the
    /// <c>)</c> that closes a subshell, or is a whole function body: <c>f() { a &amp;&amp; b; }</c>.
    /// </summary>
    private static bool EndsSubshellOrFunction(string text, ImmutableArray<ShellCommand> commands, int first, int last)
    {
        var after = commands[last].End;
        while (after < text.Length && text[after] is ' ' or '\t' or ';' or '\n' or '\r')
        {
            after++;
        }

        if (after >= text.Length)
        {
            return false;
        }

        if (text[after] == ')')
        {
            // The subshell must hold the whole list: in 'cd sub && (make && make install)' the
            // ')' closes a subshell that opens after 'cd', whose failure is still ignored.
            var depth = 0;
            for (var i = after; i >= 0; i--)
            {
                depth += text[i] == ')' ? 1 : text[i] == '(' ? -1 : 0;
                if (depth == 0)
                {
                    return i < commands[first].Start;
                }
            }

            return false;
        }

        if (text[after] != '}')
        {
            return false;
        }

        var from = first == 0 ? 0 : Math.Max(0, commands[first - 1].TerminatorStart + 1);
        var before = text.Substring(from, Math.Max(0, commands[first].Start - from));
        return FunctionOpening.IsMatch(before);
    }

    /// <summary>Whether the list is the condition of an <c>if</c>/<c>while</c>, where a failure is expected.</summary>
    private static bool IsCondition(string text, ImmutableArray<ShellCommand> commands, int index)
    {
        var from = index == 0 ? 0 : Math.Max(0, commands[index - 1].TerminatorStart + 1);
        var between = text.Substring(from, Math.Max(0, commands[index].Start - from));
        return between.Split(new[] { ' ', '\t', '\n', ';', '(', '{' }, StringSplitOptions.RemoveEmptyEntries).Any(w => ConditionKeywords.Contains(w));
    }

    /// <summary>
    /// <c>a &amp;&amp; b</c> as a whole list item becomes two items; as a whole line of a literal
    /// block, two lines. Not preferred: it makes a job that passes today fail where it should.
    /// </summary>
    private static ImmutableArray<CodeFix> SplitFix(ScriptLine line, ImmutableArray<ShellCommand> commands, ShellCommand first, System.Collections.Generic.List<ShellCommand> list)
    {
        if (list.Count != 2 || list[1].Terminator is not (ShellOperator.None or ShellOperator.Newline))
        {
            return ImmutableArray<CodeFix>.Empty;
        }

        var node = line.Node;
        var text = node.File.Text;
        var second = list[1];
        const string Title = "Split into two script lines";
        if (!node.IsBlock && commands.Length == 2 && SourceLayout.SequenceDash(text, node) is { } dash && second.End >= line.Text.TrimEnd().Length)
        {
            var indent = SourceLayout.Spaces(SourceLayout.Column(text, dash));
            var replacement = YamlQuoting.Scalar(line.Text.Substring(first.Start, first.End - first.Start))
                + SourceLayout.NewLine(text) + indent + "- "
                + YamlQuoting.Scalar(line.Text.Substring(second.Start, second.End - second.Start));
            return ImmutableArray.Create(CodeFixes.InFile(Title, false, node.File.Path, new TextChange(TextSpan.FromBounds(node.Span.Start, SourceLayout.ContentEnd(text, node)), replacement)));
        }

        if (node.Style == ScalarStyle.Literal && SourceLayout.StartsLine(line.Text, first.Start))
        {
            var between = node.MapToSource(first.End, second.Start - first.End);
            var indent = SourceLayout.LeadingWhitespace(text, node.MapToSource(first.Start));
            return ImmutableArray.Create(CodeFixes.InFile(Title, false, node.File.Path, new TextChange(between, SourceLayout.NewLine(text) + indent)));
        }

        return ImmutableArray<CodeFix>.Empty;
    }
}
