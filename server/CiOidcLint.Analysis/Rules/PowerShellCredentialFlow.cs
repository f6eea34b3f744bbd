using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using CiOidcLint.Analysis.Pipeline;
using CiOidcLint.Analysis.Shell;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Rules;

/// <summary>A PowerShell statement that writes a credential to a file: where, what, and the path as written.</summary>
internal sealed record PowerShellWrite(SourceLocation Location, string Shown, string What, string Path, bool IsFolder, int Order);

/// <summary>A PowerShell statement that prints a credential to the job log, and the sentence that says so.</summary>
internal sealed record PowerShellPrint(SourceLocation Location, string Message);

/// <summary>
/// The exposure rules' reading of a PowerShell job (CIOL017, CIOL018). GitLab hands CI/CD
/// variables to PowerShell as environment variables: an ID token is <c>$env:NAME</c>, and
/// <c>$NAME</c> is a PowerShell variable the script set. Followed: the job's ID tokens and
/// secrets, values captured from a login or secret read (<c>$token = vault write … auth/jwt/login</c>,
/// <c>$r = Invoke-RestMethod … /v1/auth/jwt/login</c>) and plain copies. Only plain forms are
/// judged; anything the reader cannot place is left alone.
/// </summary>
internal sealed class PowerShellCredentialFlow
{
    private static readonly Regex Reference = new(
        @"\$(?:\{(?:(?<env>env:)|(?:script:|global:|local:|private:)?)(?<name>[^}]+)\}|(?:(?<env>env:)|(?:script:|global:|local:|private:))?(?<name>[A-Za-z_][A-Za-z0-9_]*))(?<member>(?:\.[A-Za-z_][A-Za-z0-9_]*)*)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex FileWrite = new(
        @"\A\[(?:System\.)?IO\.File\]::(?<method>WriteAllText|AppendAllText|WriteAllLines|AppendAllLines|WriteAllBytes)\((?<args>.*)\)\z",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline);

    private static readonly ImmutableHashSet<string> Printers = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "Write-Host", "Write-Output", "echo", "write", "Write-Warning", "Write-Error", "Write-Information", "Out-Host");

    private static readonly ImmutableHashSet<string> FileWriters = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "Out-File", "Set-Content", "Add-Content", "Tee-Object", "sc", "ac", "tee");

    /// <summary>Pipeline ends that still print everything they are given.</summary>
    private static readonly ImmutableHashSet<string> PassThrough = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "ConvertFrom-Json", "ConvertTo-Json", "Tee-Object", "tee", "Out-Host", "Out-String", "Out-Default", "Write-Output", "Format-List", "Format-Table", "fl", "ft");

    private static readonly ImmutableHashSet<string> HttpCommands = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "Invoke-RestMethod", "irm", "Invoke-WebRequest", "iwr");

    private static readonly ImmutableHashSet<string> Copiers = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "Copy-Item", "copy", "cp", "cpi", "Move-Item", "move", "mv", "mi");

    private readonly Dictionary<string, Credential> _known = new(StringComparer.OrdinalIgnoreCase);
    private bool _folderKnown = true;
    private int _order;

    private PowerShellCredentialFlow(Dictionary<string, Credential> jobCredentials)
    {
        foreach (var pair in jobCredentials)
        {
            _known["env:" + pair.Key] = pair.Value;
        }
    }

    public List<PowerShellWrite> Writes { get; } = new();

    public List<PowerShellPrint> Prints { get; } = new();

    /// <summary>Paths the job removes, with the order of the removal.</summary>
    public List<(string Path, int Order)> Removals { get; } = new();

    /// <summary>The writes and prints of a PowerShell job; before_script with script share one session, after_script has its own.</summary>
    public static IEnumerable<PowerShellCredentialFlow> Of(Job job)
    {
        var credentials = CredentialFlow.Of(job);
        foreach (var lines in new[] { job.ScriptLines.Where(l => l.Section is "before_script" or "script"), job.ScriptLines.Where(l => l.Section == "after_script") })
        {
            var flow = new PowerShellCredentialFlow(credentials);
            foreach (var line in lines)
            {
                foreach (var statement in PowerShellScript.Parse(line.Text))
                {
                    flow.Visit(line, statement, 0);
                }
            }

            yield return flow;
        }
    }

    private void Visit(ScriptLine line, PowerShellStatement statement, int depth)
    {
        _order++;
        foreach (var block in statement.Blocks)
        {
            // if/foreach/try bodies run in the same session.
            foreach (var inner in PowerShellScript.Parse(line.Text, block.InnerStart, block.End - 1, depth + 1))
            {
                Visit(line, inner, depth + 1);
            }
        }

        if (statement.Pipeline.IsEmpty || statement.Pipeline[0].Tokens.IsEmpty)
        {
            return;
        }

        var first = statement.Pipeline[0];
        var last = statement.Pipeline[statement.Pipeline.Length - 1];
        var location = new SourceLocation(line.Node.File, line.Node.MapToSource(first.Start, Math.Max(1, last.End - first.Start)));
        var content = Content(first);

        FindWrites(statement, content, location);
        if (statement.AssignedTo is { } name)
        {
            Assign(name, statement, content);
            return;
        }

        FindPrints(statement, location);
        Navigate(first);
    }

    /// <summary>What the first command of a pipeline outputs that is a credential, or null.</summary>
    private Credential? Content(PowerShellCommand command)
    {
        var name = command.Name;
        if (name is not null && Login(command) is { } login)
        {
            return new Credential(login, IsFile: false, IsMasked: false);
        }

        if (name is not null && Printers.Contains(name))
        {
            return command.Tokens.Skip(1).Select(t => ValueOf(t)).FirstOrDefault(c => c is not null);
        }

        if (name is "Get-Content" or "gc" or "cat" or "type" && command.Tokens.Skip(1).Select(FileSecret).FirstOrDefault(c => c is not null) is { } file)
        {
            return file with { IsFile = false };
        }

        // An expression: '$token', "$env:T", ($r.auth.client_token).
        return name is null && command.Tokens.Length == 1 ? ValueOf(command.Tokens[0]) : null;
    }

    private void Assign(string name, PowerShellStatement statement, Credential? content)
    {
        var key = name.StartsWith("env:", StringComparison.OrdinalIgnoreCase) ? "env:" + name.Substring(4) : name;
        var shown = key.StartsWith("env:", StringComparison.OrdinalIgnoreCase) ? "$" + key : "$" + key;
        var first = statement.Pipeline[0];
        Credential? value = null;
        if (first.Name is not null && Login(first) is { } login)
        {
            value = new Credential($"{login} (in {shown})", IsFile: false, IsMasked: false);
        }
        else if (first.Tokens.Length == 1 && first.Tokens[0].Kind == PowerShellTokenKind.Group && InnerLogin(first.Tokens[0]) is { } grouped)
        {
            value = new Credential($"{grouped} (in {shown})", IsFile: false, IsMasked: false);
        }
        else if (statement.Pipeline.Length == 1 && content is not null && (first.Name is null || first.Name is "Get-Content" or "gc" or "cat" or "type"))
        {
            value = content;
        }

        if (value is null)
        {
            _known.Remove(key);
        }
        else
        {
            _known[key] = value;
        }
    }

    private void FindWrites(PowerShellStatement statement, Credential? content, SourceLocation location)
    {
        var pipeline = statement.Pipeline;
        var last = pipeline[pipeline.Length - 1];
        if (content is not null)
        {
            // 'x > file' on the pipeline's last command; '| Out-File file', '| Set-Content file'.
            for (var i = 0; i + 1 < last.Tokens.Length; i++)
            {
                if (last.Tokens[i] is { Kind: PowerShellTokenKind.Operator } op && op.Text.IndexOf('>') >= 0 && op.Text[0] is '>' or '1' or '*' && op.Text.IndexOf('&') < 0)
                {
                    Record($"… {op.Text} {last.Tokens[i + 1].Text}", content.What, last.Tokens[i + 1]);
                }
            }

            if (pipeline.Length > 1 && last.Name is { } writer && FileWriters.Contains(writer) && PathOf(last) is { } target)
            {
                Record($"{writer} {target.Text}", content.What, target);
            }
        }

        var command = pipeline[0];
        var name = command.Name;
        if (pipeline.Length == 1 && name is not null && FileWriters.Contains(name) && PathOf(command) is { } path)
        {
            // Set-Content -Path f -Value $env:T; Out-File -FilePath f -InputObject $t.
            var value = ValueAfter(command, "-Value", "-InputObject");
            if (value is not null)
            {
                Record($"{name} {path.Text}", value.What, path);
            }
        }

        if (name is not null && Copiers.Contains(name))
        {
            var operands = Operands(command, "-Path", "-LiteralPath", "-Destination");
            var source = ParameterValue(command, "-Path", "-LiteralPath") ?? operands.FirstOrDefault();
            var destination = ParameterValue(command, "-Destination") ?? operands.Skip(ParameterValue(command, "-Path", "-LiteralPath") is null ? 1 : 0).FirstOrDefault();
            if (source is not null && destination is not null && FileSecret(source) is { } secret)
            {
                var raw = destination.Unquoted;
                Record($"{name} … {destination.Text}", secret.What, destination, raw.EndsWith("/", StringComparison.Ordinal) || raw.EndsWith("\\", StringComparison.Ordinal) || raw is "." or ".\\" or "./");
            }
        }

        if (command.Tokens.Length == 1 && FileWrite.Match(command.Tokens[0].Text) is { Success: true } call)
        {
            var args = SplitArguments(call.Groups["args"].Value);
            if (args.Count >= 2 && ValueIn(args[1]) is { } written)
            {
                var target = new PowerShellToken(args[0].Trim().StartsWith("'", StringComparison.Ordinal) ? PowerShellTokenKind.Literal : PowerShellTokenKind.Expandable, args[0].Trim(), command.Start);
                Record($"[IO.File]::{call.Groups["method"].Value}", written.What, target);
            }
        }

        if (name is "Remove-Item" or "rm" or "del" or "erase" or "ri" or "rmdir" or "rd")
        {
            foreach (var operand in Operands(command, "-Path", "-LiteralPath"))
            {
                if (Place(operand) is { } removed)
                {
                    Removals.Add((removed, _order));
                }
            }
        }

        void Record(string shown, string what, PowerShellToken target, bool isFolder = false)
        {
            if (Place(target) is { } placed)
            {
                Writes.Add(new PowerShellWrite(location, shown, what, placed, isFolder, _order));
            }
        }
    }

    private void FindPrints(PowerShellStatement statement, SourceLocation location)
    {
        var pipeline = statement.Pipeline;
        var first = pipeline[0];
        var last = pipeline[pipeline.Length - 1];
        var redirected = last.Tokens.Any(t => t.Kind == PowerShellTokenKind.Operator && t.Text.IndexOf('>') >= 0 && t.Text[0] is '>' or '1' or '*' && t.Text.IndexOf('&') < 0);
        var consumed = pipeline.Length > 1 && !(last.Name is { } end && PassThrough.Contains(end));
        if (redirected || consumed || (last.Name is { } sink && sink.Equals("Out-Null", StringComparison.OrdinalIgnoreCase)))
        {
            return;
        }

        var name = first.Name;
        if (name is not null && Login(first) is { } login)
        {
            Prints.Add(new PowerShellPrint(location, $"'{Label(first)}' prints {login} to the job log, where GitLab masks none of it; capture it in a variable"));
            return;
        }

        if (name is not null && Printers.Contains(name) || (name is null && first.Tokens.Length == 1))
        {
            var shown = name ?? first.Tokens[0].Text;
            foreach (var token in name is null ? first.Tokens : first.Tokens.RemoveAt(0))
            {
                if (token.Text.IndexOf("ToBase64String", StringComparison.OrdinalIgnoreCase) >= 0 && ValueOf(token) is { } encoded)
                {
                    Prints.Add(new PowerShellPrint(location, $"'{Short(shown)}' prints {encoded.What} base64-encoded, so the job log's masking does not recognise it"));
                    return;
                }

                if (ValueOf(token) is { IsMasked: false } plain)
                {
                    Prints.Add(new PowerShellPrint(location, $"'{Short(shown)}' prints {plain.What} to the job log, where GitLab does not mask it"));
                    return;
                }
            }
        }

        // Get-ChildItem env: (or [Environment]::GetEnvironmentVariables()) prints every variable.
        var dumpsEnvironment = (name is "Get-ChildItem" or "gci" or "dir" or "ls" or "Get-Item" or "gi"
                && first.Tokens.Skip(1).Where(t => t.Kind != PowerShellTokenKind.Parameter).Select(t => t.Unquoted).SingleOrDefault() is { } drive
                && (drive.Equals("env:", StringComparison.OrdinalIgnoreCase) || drive.Equals("env:*", StringComparison.OrdinalIgnoreCase)))
            || (first.Tokens.Length == 1 && first.Tokens[0].Text.StartsWith("[Environment]::GetEnvironmentVariables(", StringComparison.OrdinalIgnoreCase));
        if (dumpsEnvironment && _known.Where(k => k.Key.StartsWith("env:", StringComparison.OrdinalIgnoreCase) && !k.Value.IsMasked && !k.Value.IsFile).Select(k => k.Value).FirstOrDefault() is { } exposed)
        {
            Prints.Add(new PowerShellPrint(location, $"'{Short(name ?? first.Tokens[0].Text)} env:' prints every environment variable, {exposed.What} among them, to the job log, where GitLab does not mask it"));
        }
    }

    /// <summary>Set-Location anywhere but the project folder: relative paths can no longer be placed.</summary>
    private void Navigate(PowerShellCommand command)
    {
        if (command.Name is "cd" or "Set-Location" or "sl" or "chdir" or "Push-Location" or "pushd" or "Pop-Location" or "popd")
        {
            var target = command.Tokens.Skip(1).FirstOrDefault(t => t.Kind != PowerShellTokenKind.Parameter)?.Unquoted;
            _folderKnown = target is not null && target.Equals("$env:CI_PROJECT_DIR", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>What a login or secret-reading command prints, for native CLIs and PowerShell's HTTP commands.</summary>
    private static string? Login(PowerShellCommand command)
    {
        var name = command.Name;
        if (name is null)
        {
            return null;
        }

        var tool = name.EndsWith(".exe", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".cmd", StringComparison.OrdinalIgnoreCase) ? name.Substring(0, name.Length - 4) : name;
        var skip = command.Tokens[0].Kind == PowerShellTokenKind.Operator ? 2 : 1;
        var rest = command.Tokens.Skip(skip).ToList();
        if (HttpCommands.Contains(tool))
        {
            var body = ParameterValue(command, "-Body") is not null || ParameterValue(command, "-InFile") is not null;
            var method = ParameterValue(command, "-Method")?.Unquoted.ToUpperInvariant() ?? (body ? "POST" : "GET");
            var vaultHeader = ParameterValue(command, "-Headers")?.Text.IndexOf("X-Vault-Token", StringComparison.OrdinalIgnoreCase) >= 0;
            var urls = rest.Where(t => t.Kind != PowerShellTokenKind.Parameter).Select(t => t.Unquoted);
            return ParameterValue(command, "-OutFile") is null ? CredentialCommands.DescribeHttp(name, urls, body, vaultHeader, method) : null;
        }

        var words = new[] { tool.ToLowerInvariant() }.Concat(rest.Select(t => t.Unquoted)).ToArray();
        var raw = new[] { tool.ToLowerInvariant() }.Concat(rest.Select(t => t.Text)).ToArray();
        return CredentialCommands.Describe(words, raw);
    }

    private static string? InnerLogin(PowerShellToken group)
    {
        foreach (var statement in PowerShellScript.Parse(group.Text, group.Text.IndexOf('(') + 1, group.Text.Length - 1, 1))
        {
            if (!statement.Pipeline.IsEmpty && Login(statement.Pipeline[0]) is { } login)
            {
                return login;
            }
        }

        return null;
    }

    /// <summary>The credential a token's value holds (not its length, not a literal's text).</summary>
    private Credential? ValueOf(PowerShellToken token)
    {
        if (token.Kind is PowerShellTokenKind.Literal or PowerShellTokenKind.Operator or PowerShellTokenKind.Parameter or PowerShellTokenKind.Block)
        {
            return null;
        }

        if (token.Kind == PowerShellTokenKind.Group && InnerLogin(token) is { } login)
        {
            return new Credential(login, IsFile: false, IsMasked: false);
        }

        return ValueIn(token.Text);
    }

    private Credential? ValueIn(string text)
    {
        // One walk over the text: where single quotes (inside which nothing expands) open and close.
        var position = 0;
        var inSingle = false;
        var inDouble = false;
        foreach (Match reference in Reference.Matches(text))
        {
            for (; position < reference.Index; position++)
            {
                if (text[position] == '\'' && !inDouble)
                {
                    inSingle = !inSingle;
                }
                else if (text[position] == '"' && !inSingle)
                {
                    inDouble = !inDouble;
                }
            }

            if (inSingle)
            {
                continue;
            }

            var member = reference.Groups["member"].Value;
            if (member.EndsWith(".Length", StringComparison.OrdinalIgnoreCase) || member.EndsWith(".Count", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var key = (reference.Groups["env"].Success ? "env:" : string.Empty) + reference.Groups["name"].Value;
            if (_known.TryGetValue(key, out var credential) && !credential.IsFile)
            {
                return credential;
            }
        }

        return null;
    }

    private Credential? FileSecret(PowerShellToken token)
    {
        if (token.Kind is PowerShellTokenKind.Literal or PowerShellTokenKind.Parameter || Reference.Match(token.Unquoted) is not { Success: true } reference
            || reference.Index != 0 || reference.Length != token.Unquoted.Length)
        {
            return null;
        }

        var key = (reference.Groups["env"].Success ? "env:" : string.Empty) + reference.Groups["name"].Value;
        return _known.TryGetValue(key, out var credential) && credential.IsFile ? credential : null;
    }

    /// <summary>Where a written path lands, relative to the project folder, or null.</summary>
    private string? Place(PowerShellToken target)
    {
        if (target.Kind is PowerShellTokenKind.Group or PowerShellTokenKind.Block or PowerShellTokenKind.Operator or PowerShellTokenKind.Parameter)
        {
            return null;
        }

        var text = target.Unquoted.Replace('\\', '/');
        foreach (var project in new[] { "$env:CI_PROJECT_DIR/", "${env:CI_PROJECT_DIR}/" })
        {
            if (text.StartsWith(project, StringComparison.OrdinalIgnoreCase))
            {
                var rest = text.Substring(project.Length);
                return rest.IndexOf('$') < 0 ? PublishedFiles.ProjectPath(rest) : null;
            }
        }

        if (target.Kind == PowerShellTokenKind.Expandable && text.IndexOf('$') >= 0)
        {
            return null;
        }

        // C:/…, //server/…, ~/…: outside the project folder.
        if (text.Length > 1 && text[1] == ':')
        {
            return null;
        }

        return _folderKnown ? PublishedFiles.ProjectPath(text) : null;
    }

    private static readonly string[] PathParameters = { "-FilePath", "-Path", "-LiteralPath", "-PSPath" };

    private static readonly string[] ValuedParameters = { "-Encoding", "-Width", "-Value", "-InputObject", "-Delimiter", "-Stream", "-Variable", "-Filter", "-Include", "-Exclude", "-Credential", "-Destination" };

    /// <summary>The file a writer writes: its path parameter, else its first positional argument.</summary>
    private static PowerShellToken? PathOf(PowerShellCommand command)
        => ParameterValue(command, PathParameters) ?? Operands(command, PathParameters).FirstOrDefault();

    private Credential? ValueAfter(PowerShellCommand command, params string[] parameters)
        => ParameterValue(command, parameters) is { } token ? ValueOf(token) : null;

    private static PowerShellToken? ParameterValue(PowerShellCommand command, params string[] parameters)
    {
        for (var i = 1; i + 1 < command.Tokens.Length; i++)
        {
            var token = command.Tokens[i];
            if (token.Kind == PowerShellTokenKind.Parameter && parameters.Any(p => p.Equals(token.Text.TrimEnd(':'), StringComparison.OrdinalIgnoreCase)))
            {
                return command.Tokens[i + 1];
            }
        }

        return null;
    }

    /// <summary>Positional arguments: tokens that are no parameter and no parameter's value.</summary>
    private static List<PowerShellToken> Operands(PowerShellCommand command, params string[] alsoValued)
    {
        var operands = new List<PowerShellToken>();
        for (var i = 1; i < command.Tokens.Length; i++)
        {
            var token = command.Tokens[i];
            if (token.Kind == PowerShellTokenKind.Operator)
            {
                break;
            }

            if (token.Kind == PowerShellTokenKind.Parameter)
            {
                var bare = token.Text.TrimEnd(':');
                if (ValuedParameters.Concat(alsoValued).Any(p => p.Equals(bare, StringComparison.OrdinalIgnoreCase)))
                {
                    i++;
                }

                continue;
            }

            operands.Add(token);
        }

        return operands;
    }

    private static List<string> SplitArguments(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var from = 0;
        var quote = '\0';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '(' or '[' or '{')
            {
                depth++;
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                parts.Add(text.Substring(from, i - from));
                from = i + 1;
            }
        }

        parts.Add(text.Substring(from));
        return parts;
    }

    /// <summary>A command's name and subcommands, for messages: never its arguments, which may hold secrets.</summary>
    private static string Label(PowerShellCommand command)
    {
        var words = command.Tokens.Where(t => t.Kind == PowerShellTokenKind.Word).Take(3).Select(t => t.Text).ToList();
        if (HttpCommands.Contains(command.Name ?? string.Empty))
        {
            return command.Name!;
        }

        return string.Join(" ", words.Take(words.Count > 2 && words[2].IndexOf('/') >= 0 ? 3 : 2));
    }

    /// <summary>A printed expression, for messages: a variable's name, or '…' for anything longer.</summary>
    private static string Short(string text) => text.Length <= 40 && Reference.Match(text) is { Success: true } m && m.Length == text.Length ? text : text.Length <= 20 && text.IndexOf('$') < 0 ? text : "…";
}
