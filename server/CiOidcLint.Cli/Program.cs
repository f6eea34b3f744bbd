using System;
using System.CommandLine;
using CiOidcLint.Cli;

var root = new RootCommand("CiOidcLint: finds broken OIDC logins, ID tokens and secrets in GitLab CI pipelines.");
root.Subcommands.Add(CheckCommand.Create(Console.Out, Console.Error));
root.Subcommands.Add(ShowCommand.Create(Console.Out, Console.Error));
root.Subcommands.Add(ServerCommand.Create());
var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
{
    foreach (var error in parsed.Errors)
    {
        Console.Error.WriteLine($"cioidclint: {error.Message}");
    }

    Console.Error.WriteLine("Run 'cioidclint --help' for usage.");
    return ExitCodes.UsageOrIoError;
}

return parsed.Invoke();
