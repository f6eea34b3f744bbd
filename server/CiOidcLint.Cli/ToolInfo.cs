using System.Reflection;

namespace CiOidcLint.Cli;

/// <summary>The name, version and home page reports carry.</summary>
internal static class ToolInfo
{
    public const string Name = "cioidclint";

    public const string InformationUri = "https://gitlab.com/cioidclint/cioidclint";

    /// <summary>The package version (Directory.Build.props), without the source-revision suffix the SDK appends.</summary>
    public static string Version { get; } = ReadVersion();

    private static string ReadVersion()
    {
        var informational = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+');
        return plus < 0 ? informational : informational.Substring(0, plus);
    }
}
