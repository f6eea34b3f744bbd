using CiOidcLint.Analysis.Shell;

namespace CiOidcLint.Analysis.Tests.Shell;

internal static class ShellTestHelpers
{
    public static ShellCommand Single(string text)
    {
        var script = ShellParser.Parse(text);
        Assert.True(script.IsComplete, "expected a complete parse of: " + text);
        return Assert.Single(script.Commands);
    }

    public static string[] Values(ShellCommand command) =>
        command.Words.Select(w => w.LiteralValue ?? "<" + w.RawText + ">").ToArray();

    public static string[] Names(ShellScript script) =>
        script.Commands.Select(c => c.Name ?? "<null>").ToArray();

    public static string Slice(string text, int start, int length) => text.Substring(start, length);
}
