using System;
using System.CommandLine;
using CiOidcLint.LanguageServer.Hosting;

namespace CiOidcLint.Cli;

/// <summary><c>cioidclint server</c>: the language server over stdin and stdout.</summary>
internal static class ServerCommand
{
    public static Command Create()
    {
        // Clients such as vscode-languageclient append --stdio; it is the only transport.
        var stdio = new Option<bool>("--stdio") { Description = "Talk LSP over stdin and stdout (the default and only transport)." };
        var command = new Command("server", "Run the language server (LSP over stdin and stdout) for editors.");
        command.Options.Add(stdio);
        command.SetAction((_, cancellationToken) => LanguageServerHost.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.Error));
        return command;
    }
}
