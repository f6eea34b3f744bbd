using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
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
/// <c>$r = Invoke-RestMethod … /v1/auth/jwt/login</c>) and plain copies, and of a captured
/// response only the members that hold the secret (<c>$r.auth.client_token</c>, not
/// <c>$r.auth.lease_duration</c>). Only plain forms are judged; what the reader cannot place is
/// left alone. PowerShell's names are case-insensitive, and so is every name here.
/// </summary>
internal sealed class PowerShellCredentialFlow
{
    private static readonly Regex Reference = new(
        @"\$(?:\{(?:(?<env>env:)|(?:script:|global:|local:|private:))?(?<name>[^}\r\n]{1,255})\}|(?:(?<env>env:)|(?:script:|global:|local:|private:))?(?<name>[A-Za-z_][A-Za-z0-9_]*))(?<member>(?:\.[A-Za-z_][A-Za-z0-9_]*)*)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex FileWrite = new(
        @"\A\[(?:System\.)?IO\.File\]::(?<method>WriteAllText|AppendAllText|WriteAllLines|AppendAllLines)\((?<args>.*)\)\z",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.Singleline);

    /// <summary>A token's bytes base64-encoded as they are: <c>[Convert]::ToBase64String([Text.Encoding]::UTF8.GetBytes($x))</c>.</summary>
    private static readonly Regex Base64OfValue = new(
        @"ToBase64String\(\s*\[(?:System\.)?Text\.Encoding\]::\w+\.GetBytes\(\s*(?<value>\$[^()\s]{1,300})\s*\)\s*\)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex Comparison = new(
        @"(?:^|\s)-(?:eq|ne|gt|ge|lt|le|like|notlike|match|notmatch|contains|notcontains|in|notin|not|is|isnot|and|or)\b|!|::",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex FunctionDefinition = new(@"\A\s*(?:function|filter)(?![\w-])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>Members of a login's or secret read's response that hold the secret itself.</summary>
    private static readonly ImmutableHashSet<string> SecretMembers = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "auth", "client_token", "token", "access_token", "accessToken", "id_token", "Credentials", "SecretAccessKey", "SessionToken",
        "AccessKeyId", "SecretString", "SecretBinary", "data", "password", "secret", "value", "Parameter");

    /// <summary>Commands that write their arguments to standard output.</summary>
    private static readonly ImmutableHashSet<string> OutputWriters = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "Write-Output", "echo", "write");

    /// <summary>Commands that write to the host or another stream, straight to the log: no pipe or '>' takes it.</summary>
    private static readonly ImmutableDictionary<string, string> HostWriters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        // The stream number that redirects each one away (6 information, 3 warning, 2 error).
        ["Write-Host"] = "6",
        ["Write-Information"] = "6",
        ["Write-Warning"] = "3",
        ["Write-Error"] = "2",
        ["Out-Host"] = "1",
    }.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly ImmutableHashSet<string> FileWriters = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "Out-File", "Set-Content", "Add-Content", "Tee-Object", "sc", "ac", "tee");

    /// <summary>Pipeline stages that pass on what they are given, reshaped but whole.</summary>
    private static readonly ImmutableHashSet<string> PassThrough = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "ConvertFrom-Json", "ConvertTo-Json", "Tee-Object", "tee", "Out-String", "Write-Output", "Format-List", "Format-Table", "fl", "ft");

    private static readonly ImmutableHashSet<string> HttpCommands = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "Invoke-RestMethod", "irm", "Invoke-WebRequest", "iwr");

    private static readonly ImmutableHashSet<string> Copiers = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "Copy-Item", "copy", "cp", "cpi", "Move-Item", "move", "mv", "mi");

    private static readonly ImmutableHashSet<string> ContentReaders = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "Get-Content", "gc", "cat", "type");

    private static readonly ImmutableHashSet<string> Removers = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "Remove-Item", "rm", "del", "erase", "ri", "rmdir", "rd");

    private static readonly ImmutableHashSet<string> Navigators = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "cd", "Set-Location", "sl", "chdir", "Push-Location", "pushd", "Pop-Location", "popd");

    private static readonly ImmutableHashSet<string> EnvironmentListers = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "Get-ChildItem", "gci", "dir", "ls", "Get-Item", "gi");

    /// <summary>Variables PowerShell sets itself: assigning them stores nothing.</summary>
    private static readonly ImmutableHashSet<string> Automatic = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "null", "_", "true", "false");

    private static readonly ConditionalWeakTable<Job, Analysis> Cache = new();

    private readonly Dictionary<string, Credential> _known = new(StringComparer.OrdinalIgnoreCase);
    private readonly Analysis _analysis;
    private bool _folderKnown = true;

    private PowerShellCredentialFlow(Dictionary<string, Credential> jobCredentials, Analysis analysis)
    {
        _analysis = analysis;
        foreach (var pair in jobCredentials)
        {
            _known["env:" + pair.Key] = pair.Value;
        }
    }

    /// <summary>What a PowerShell job writes and prints, over all its sessions (before_script with script, then after_script).</summary>
    internal sealed class Analysis
    {
        public List<PowerShellWrite> Writes { get; } = new();

        public List<PowerShellPrint> Prints { get; } = new();

        /// <summary>Paths the job removes, with the order of the removal.</summary>
        public List<(string Path, int Order)> Removals { get; } = new();

        public int Order { get; set; }

        /// <summary>Writes of files the job does not remove again later.</summary>
        public IEnumerable<PowerShellWrite> KeptWrites
        {
            get
            {
                var lastRemoval = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                foreach (var (path, order) in Removals)
                {
                    lastRemoval[path] = Math.Max(order, lastRemoval.TryGetValue(path, out var seen) ? seen : 0);
                }

                return Writes.Where(w => !(lastRemoval.TryGetValue(w.Path, out var removed) && removed > w.Order));
            }
        }
    }

    /// <summary>The job's analysis, computed once for both rules.</summary>
    public static Analysis Of(Job job) => Cache.GetValue(job, Analyze);

    private static Analysis Analyze(Job job)
    {
        var analysis = new Analysis();
        var credentials = CredentialFlow.Of(job);
        foreach (var lines in new[] { job.ScriptLines.Where(l => l.Section is "before_script" or "script"), job.ScriptLines.Where(l => l.Section == "after_script") })
        {
            // Each session starts from the job's variables.
            var flow = new PowerShellCredentialFlow(credentials, analysis);
            foreach (var line in lines)
            {
                foreach (var statement in PowerShellScript.Parse(line.Text))
                {
                    flow.Visit(line, statement, 0);
                }
            }
        }

        return analysis;
    }

    private void Visit(ScriptLine line, PowerShellStatement statement, int depth)
    {
        _analysis.Order++;

        // if/foreach/try bodies run in the same session; a function's body runs when called, and
        // what it outputs is its return value, not the log.
        if (!statement.Blocks.IsEmpty && !FunctionDefinition.IsMatch(line.Text.Substring(statement.Start, Math.Min(40, statement.End - statement.Start))))
        {
            foreach (var block in statement.Blocks)
            {
                foreach (var inner in PowerShellScript.Parse(line.Text, block.InnerStart, block.End - 1, depth + 1))
                {
                    Visit(line, inner, depth + 1);
                }
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

    /// <summary>What the first command of a pipeline sends down it that is a credential, or null.</summary>
    private Credential? Content(PowerShellCommand command)
    {
        var name = command.Name;
        if (name is not null && Login(command) is { } login)
        {
            return new Credential(login, IsFile: false, IsMasked: false);
        }

        if (name is not null && OutputWriters.Contains(name))
        {
            return command.Tokens.Skip(1).Select(ValueOf).FirstOrDefault(c => c is not null);
        }

        if (name is not null && ContentReaders.Contains(name) && command.Tokens.Skip(1).Select(FileSecret).FirstOrDefault(c => c is not null) is { } file)
        {
            return file with { IsFile = false };
        }

        // An expression: '$token', "$env:T", ($r.auth.client_token).
        return name is null && command.Tokens.Length == 1 ? ValueOf(command.Tokens[0]) : null;
    }

    private void Assign(string name, PowerShellStatement statement, Credential? content)
    {
        var key = StripScope(name);
        if (Automatic.Contains(key))
        {
            return;
        }

        var first = statement.Pipeline[0];
        Credential? value = null;
        if (first.Name is not null && Login(first) is { } login)
        {
            value = new Credential($"{login} (in ${key})", IsFile: false, IsMasked: false);
        }
        else if (first.Tokens.Length == 1 && first.Tokens[0].Kind == PowerShellTokenKind.Group && InnerLogin(first.Tokens[0]) is { } grouped)
        {
            // ($(aws sts …) | ConvertFrom-Json).Credentials: the group's member decides.
            var member = first.Tokens[0].Text.Substring(first.Tokens[0].Text.LastIndexOf(')') + 1);
            value = member.Length == 0 || IsSecretMember(member) ? new Credential($"{grouped} (in ${key})", IsFile: false, IsMasked: false) : null;
        }
        else if (statement.Pipeline.Length == 1 && content is not null && (first.Name is null || ContentReaders.Contains(first.Name)))
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

    private static string StripScope(string name)
    {
        foreach (var scope in new[] { "script:", "global:", "local:", "private:" })
        {
            if (name.StartsWith(scope, StringComparison.OrdinalIgnoreCase))
            {
                return name.Substring(scope.Length);
            }
        }

        return name.StartsWith("env:", StringComparison.OrdinalIgnoreCase) ? "env:" + name.Substring(4) : name;
    }

    /// <summary>A redirection of standard output (<c>&gt;</c>, <c>&gt;&gt;</c>, <c>1&gt;</c>, <c>*&gt;</c>), not of another stream or into it.</summary>
    private static bool RedirectsStdout(PowerShellToken token)
        => token.Kind == PowerShellTokenKind.Operator && token.Text.IndexOf('>') >= 0 && token.Text[0] is '>' or '1' or '*' && token.Text.IndexOf('&') < 0;

    private void FindWrites(PowerShellStatement statement, Credential? content, SourceLocation location)
    {
        var pipeline = statement.Pipeline;
        var last = pipeline[pipeline.Length - 1];

        // Only stages that pass their input on whole keep the credential in what reaches the file.
        var whole = pipeline.Skip(1).Take(Math.Max(0, pipeline.Length - 2)).All(c => c.Name is { } stage && PassThrough.Contains(stage));
        if (content is not null && whole && (pipeline.Length == 1 || (last.Name is { } end && (FileWriters.Contains(end) || PassThrough.Contains(end)))))
        {
            // 'x > file' on the pipeline's last command; '| Out-File file', '| Set-Content file'.
            for (var i = 0; i + 1 < last.Tokens.Length; i++)
            {
                if (RedirectsStdout(last.Tokens[i]))
                {
                    Record($"… {last.Tokens[i].Text} {last.Tokens[i + 1].Text}", content.What, last.Tokens[i + 1]);
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
            // Set-Content -Path f -Value $env:T; Out-File -FilePath f -InputObject $t; Set-Content f $t.
            var value = ParameterValue(command, "-Value", "-InputObject") ?? Operands(command, PathParameters).Skip(ParameterValue(command, PathParameters) is null ? 1 : 0).FirstOrDefault();
            if (value is not null && ValueOf(value) is { } written)
            {
                Record($"{name} {path.Text}", written.What, path);
            }
        }

        if (name is not null && Copiers.Contains(name))
        {
            var named = ParameterValue(command, "-Path", "-LiteralPath");
            var operands = Operands(command, "-Path", "-LiteralPath", "-Destination");
            var source = named ?? operands.FirstOrDefault();
            var destination = ParameterValue(command, "-Destination") ?? operands.Skip(named is null ? 1 : 0).FirstOrDefault();
            if (source is not null && destination is not null && FileSecret(source) is { } secret)
            {
                var raw = destination.Unquoted;
                Record($"{name} … {destination.Text}", secret.What, destination, raw.EndsWith("/", StringComparison.Ordinal) || raw.EndsWith("\\", StringComparison.Ordinal) || raw is "." or ".\\" or "./");
            }
        }

        if (command.Tokens.Length == 1 && FileWrite.Match(command.Tokens[0].Text) is { Success: true } call)
        {
            var args = SplitArguments(call.Groups["args"].Value);
            if (args.Count >= 2 && ValueIn(args[1].Trim()) is { } written)
            {
                var argument = args[0].Trim();
                var target = new PowerShellToken(argument.StartsWith("'", StringComparison.Ordinal) ? PowerShellTokenKind.Literal : PowerShellTokenKind.Expandable, argument, command.Start);
                Record($"[IO.File]::{call.Groups["method"].Value}", written.What, target);
            }
        }

        if (name is not null && Removers.Contains(name))
        {
            foreach (var operand in Operands(command, "-Path", "-LiteralPath").Concat(new[] { ParameterValue(command, "-Path", "-LiteralPath") }.OfType<PowerShellToken>()))
            {
                if (Place(operand) is { } removed)
                {
                    _analysis.Removals.Add((removed, _analysis.Order));
                }
            }
        }

        void Record(string shown, string what, PowerShellToken target, bool isFolder = false)
        {
            if (Place(target) is { } placed)
            {
                _analysis.Writes.Add(new PowerShellWrite(location, shown, what, placed, isFolder, _analysis.Order));
            }
        }
    }

    private void FindPrints(PowerShellStatement statement, SourceLocation location)
    {
        var pipeline = statement.Pipeline;
        var first = pipeline[0];
        var last = pipeline[pipeline.Length - 1];
        var name = first.Name;

        // Write-Host and its kin write to their own stream: only redirecting that stream (or all) hides it.
        if (name is not null && HostWriters.TryGetValue(name, out var stream))
        {
            var hidden = first.Tokens.Any(t => t.Kind == PowerShellTokenKind.Operator && (t.Text.StartsWith("*>", StringComparison.Ordinal) || t.Text.StartsWith(stream + ">", StringComparison.Ordinal)));
            if (!hidden)
            {
                PrintedArguments(first, name, location);
            }

            return;
        }

        var redirected = last.Tokens.Any(RedirectsStdout);
        var consumed = pipeline.Length > 1 && !(last.Name is { } end && PassThrough.Contains(end) && pipeline.Skip(1).All(c => c.Name is { } stage && PassThrough.Contains(stage)));
        if (redirected || consumed)
        {
            return;
        }

        if (name is not null && Login(first) is { } login)
        {
            _analysis.Prints.Add(new PowerShellPrint(location, $"'{Label(first)}' prints {login} to the job log, where GitLab masks none of it; capture it in a variable"));
            return;
        }

        if ((name is not null && OutputWriters.Contains(name)) || (name is null && first.Tokens.Length == 1))
        {
            PrintedArguments(first, name ?? first.Tokens[0].Text, location);
            return;
        }

        // Get-ChildItem env: (or [Environment]::GetEnvironmentVariables()) prints every variable.
        var arguments = first.Tokens.Skip(1).Where(t => t.Kind != PowerShellTokenKind.Parameter).Take(2).ToList();
        var dumpsEnvironment = (name is not null && EnvironmentListers.Contains(name) && arguments.Count == 1
                && arguments[0].Unquoted.TrimEnd('*').Equals("env:", StringComparison.OrdinalIgnoreCase))
            || (first.Tokens.Length == 1 && first.Tokens[0].Text.StartsWith("[Environment]::GetEnvironmentVariables(", StringComparison.OrdinalIgnoreCase));
        if (dumpsEnvironment && _known.Where(k => k.Key.StartsWith("env:", StringComparison.OrdinalIgnoreCase) && !k.Value.IsMasked && !k.Value.IsFile).Select(k => k.Value).FirstOrDefault() is { } exposed)
        {
            _analysis.Prints.Add(new PowerShellPrint(location, $"'{Short(name ?? first.Tokens[0].Text)} env:' prints every environment variable, {exposed.What} among them, to the job log, where GitLab does not mask it"));
        }
    }

    /// <summary>A printing command's (or expression's) arguments: an unmasked credential, or a masked one base64-encoded.</summary>
    private void PrintedArguments(PowerShellCommand command, string shown, SourceLocation location)
    {
        var arguments = command.Name is null ? command.Tokens : command.Tokens.RemoveAt(0);
        foreach (var token in arguments.Where(t => t.Kind != PowerShellTokenKind.Operator))
        {
            foreach (Match encoded in Base64OfValue.Matches(token.Text))
            {
                if (ValueIn(encoded.Groups["value"].Value) is { } credential)
                {
                    _analysis.Prints.Add(new PowerShellPrint(location, $"'{Short(shown)}' prints {credential.What} base64-encoded, so the job log's masking does not recognise it"));
                    return;
                }
            }

            if (ValueOf(token) is { IsMasked: false } plain)
            {
                _analysis.Prints.Add(new PowerShellPrint(location, $"'{Short(shown)}' prints {plain.What} to the job log, where GitLab does not mask it"));
                return;
            }
        }
    }

    /// <summary>Set-Location anywhere but the project folder: relative paths can no longer be placed.</summary>
    private void Navigate(PowerShellCommand command)
    {
        if (command.Name is { } name && Navigators.Contains(name))
        {
            var target = command.Tokens.Skip(1).FirstOrDefault(t => t.Kind != PowerShellTokenKind.Parameter)?.Unquoted;
            _folderKnown = target is not null && (target.Equals("$env:CI_PROJECT_DIR", StringComparison.OrdinalIgnoreCase) || target.Equals("${env:CI_PROJECT_DIR}", StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>What a login or secret-reading command prints, for native CLIs (by path too) and PowerShell's HTTP commands.</summary>
    private static string? Login(PowerShellCommand command)
    {
        var name = command.Name;
        if (name is null)
        {
            return null;
        }

        // .\vault.exe, C:\tools\aws.cmd: the program's name without folder or extension.
        var tool = name.Substring(Math.Max(name.LastIndexOf('\\'), name.LastIndexOf('/')) + 1);
        foreach (var extension in new[] { ".exe", ".cmd", ".bat" })
        {
            if (tool.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                tool = tool.Substring(0, tool.Length - extension.Length);
            }
        }

        var skip = command.Tokens[0].Kind == PowerShellTokenKind.Operator ? 2 : 1;
        var rest = command.Tokens.Skip(skip).ToList();
        if (HttpCommands.Contains(tool))
        {
            var body = ParameterValue(command, "-Body") is not null || ParameterValue(command, "-InFile") is not null;
            var method = ParameterValue(command, "-Method")?.Unquoted.ToUpperInvariant() ?? (body ? "POST" : "GET");
            var vaultHeader = ParameterValue(command, "-Headers")?.Text.IndexOf("X-Vault-Token", StringComparison.OrdinalIgnoreCase) >= 0;
            var urls = rest.Where(t => t.Kind != PowerShellTokenKind.Parameter).Select(t => t.Unquoted);
            return ParameterValue(command, "-OutFile") is null ? CredentialCommands.DescribeHttp(tool, urls, body, vaultHeader, method) : null;
        }

        var words = new[] { tool.ToLowerInvariant() }.Concat(rest.Select(t => t.Unquoted)).ToArray();
        var raw = new[] { tool.ToLowerInvariant() }.Concat(rest.Select(t => t.Text)).ToArray();
        return CredentialCommands.Describe(words, raw);
    }

    private static string? InnerLogin(PowerShellToken group)
    {
        var open = group.Text.IndexOf('(');
        var close = group.Text.LastIndexOf(')');
        if (open < 0 || close <= open)
        {
            return null;
        }

        foreach (var statement in PowerShellScript.Parse(group.Text, open + 1, close, 1))
        {
            if (!statement.Pipeline.IsEmpty && statement.AssignedTo is null && Login(statement.Pipeline[0]) is { } login)
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
            var member = token.Text.Substring(token.Text.LastIndexOf(')') + 1);
            return member.Length == 0 || IsSecretMember(member) ? new Credential(login, IsFile: false, IsMasked: false) : null;
        }

        return ValueIn(token.Text);
    }

    /// <summary>The first credential a text expands to as it is: a reference to one, or to a member of a response that holds the secret.</summary>
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

            var key = (reference.Groups["env"].Success ? "env:" : string.Empty) + reference.Groups["name"].Value;
            if (!_known.TryGetValue(key, out var credential) || credential.IsFile)
            {
                continue;
            }

            var member = reference.Groups["member"].Value;
            var afterReference = reference.Index + reference.Length;
            var calls = afterReference < text.Length && text[afterReference] == '(';
            if ((member.Length > 0 && (calls || !IsSecretMember(member))) || IsArgumentOrCompared(text, reference.Index))
            {
                continue;
            }

            return credential;
        }

        return null;
    }

    /// <summary>The last member of a path (<c>.auth.client_token</c>) holds the secret.</summary>
    private static bool IsSecretMember(string member)
        => member.Length == 0 || SecretMembers.Contains(member.Substring(member.LastIndexOf('.') + 1));

    /// <summary>
    /// Whether the reference at <paramref name="index"/> is an argument of a method call
    /// (<c>[string]::IsNullOrEmpty($t)</c>, <c>$x.Replace($t, '')</c>) or part of a comparison
    /// inside its group (<c>$($t -ne $null)</c>): what is printed then is the result, not the value.
    /// </summary>
    private static bool IsArgumentOrCompared(string text, int index)
    {
        var depth = 0;
        for (var i = index - 1; i >= 0 && index - i < 2000; i--)
        {
            var c = text[i];
            if (c == ')')
            {
                depth++;
            }
            else if (c == '(' && depth-- == 0)
            {
                var close = ClosingParenthesis(text, i);
                var inside = text.Substring(i + 1, Math.Max(0, close - i - 1));
                var head = text.Substring(0, i).TrimEnd();
                var isCall = head.Length > 0 && (char.IsLetterOrDigit(head[head.Length - 1]) || head[head.Length - 1] == '_') && !head.EndsWith("$", StringComparison.Ordinal);
                return isCall || Comparison.IsMatch(inside);
            }
        }

        return false;
    }

    private static int ClosingParenthesis(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length && i - open < 4000; i++)
        {
            if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')' && --depth == 0)
            {
                return i;
            }
        }

        return Math.Min(text.Length, open + 4000);
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

        if (text.IndexOf('$') >= 0)
        {
            return null;
        }

        // C:/…: outside the project folder.
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
        if (HttpCommands.Contains(command.Name ?? string.Empty))
        {
            return command.Name!;
        }

        var words = command.Tokens.Where(t => t.Kind == PowerShellTokenKind.Word).Take(3).Select(t => t.Text).ToList();
        return string.Join(" ", words.Take(words.Count > 2 && words[2].IndexOf('/') >= 0 ? 3 : 2));
    }

    /// <summary>A printed expression, for messages: a variable's name, or '…' for anything longer.</summary>
    private static string Short(string text) => text.Length <= 40 && Reference.Match(text) is { Success: true } m && m.Length == text.Length ? text : text.Length <= 20 && text.IndexOf('$') < 0 ? text : "…";
}
