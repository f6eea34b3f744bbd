using System.Diagnostics;
using System.Text.RegularExpressions;

namespace CiOidcLint.LanguageServer.Tests;

/// <summary>
/// Neovim 0.7.2's own LSP client, configured by the README's Lua block (read from README.md, so
/// the documented configuration is the tested one), opens a pipeline headless and prints the
/// diagnostics it received, a hover on a job, and the buffer after it renamed the job's ID token. scripts/setup-test-tools.sh installs Neovim; without it the test
/// skips, except in CI.
/// </summary>
public sealed class NeovimTests
{
    private const string Driver = """

        -- Test driver: once the pipeline named on the command line is loaded, wait for
        -- diagnostics, write them out, quit.
        vim.api.nvim_create_autocmd('VimEnter', { nested = true, callback = function()
        vim.wait(60000, function() return #vim.diagnostic.get(0) > 0 end, 50)
        local out = io.open(vim.env.CIOIDCLINT_TEST_OUT, 'w')
        for _, d in ipairs(vim.diagnostic.get(0)) do
          local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?'
          out:write(string.format('%d:%d %s %s %s\n', d.lnum + 1, d.col + 1, d.source or '?', code, d.message))
        end
        -- Hover on the job's name, then rename its ID token and apply the edit, as :lua
        -- vim.lsp.buf.hover() and vim.lsp.buf.rename() would.
        local client = vim.lsp.get_active_clients()[1]
        local uri = vim.uri_from_bufnr(0)
        local hover = vim.lsp.buf_request_sync(0, 'textDocument/hover', { textDocument = { uri = uri }, position = { line = 0, character = 2 } }, 10000)
        for _, r in pairs(hover or {}) do
          if r.result then out:write('hover ' .. (r.result.contents.value:gsub('\n', ' ')) .. '\n') end
        end
        local renamed = vim.lsp.buf_request_sync(0, 'textDocument/rename', { textDocument = { uri = uri }, position = { line = 2, character = 6 }, newName = 'BAO_ID_TOKEN' }, 10000)
        for _, r in pairs(renamed or {}) do
          if r.result then vim.lsp.util.apply_workspace_edit(r.result, client.offset_encoding) end
          if r.err then out:write('rename error ' .. r.err.message .. '\n') end
        end
        for _, l in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do out:write('line ' .. l .. '\n') end
        out:close()
        vim.cmd('qa!')
        end })
        """;

    [SkippableFact]
    public async Task Neovim_072_with_the_readme_config_shows_the_servers_diagnostics()
    {
        var nvim = FindOnPath("nvim");
        Skip.If(OperatingSystem.IsWindows(), "the test drives Debian's Neovim");
        Skip.If(nvim is null && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")), "nvim is not installed (scripts/setup-test-tools.sh installs it)");
        Assert.True(nvim is not null, "CI must have nvim: scripts/setup-test-tools.sh installs it");

        var readme = File.ReadAllText(Path.Combine(ServerProcess.RepositoryRoot, "README.md"));
        var config = Regex.Match(readme, @"## Language server.*?```lua\n(?<lua>.*?)```", RegexOptions.Singleline).Groups["lua"].Value;
        Assert.Contains("vim.lsp.start_client", config);

        using var repository = new TempRepository();
        repository.Write(".gitlab-ci.yml", Pipelines.Build);
        var bin = Path.Combine(repository.Root, ".bin");
        Directory.CreateDirectory(bin);
        var wrapper = Path.Combine(bin, "cioidclint");
        var (program, prefix) = NativeCli.Command;
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec {string.Join(" ", prefix.Prepend(program).Select(a => $"\"{a}\""))} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var init = Path.Combine(bin, "init.lua");
        File.WriteAllText(init, config + Driver);
        var output = Path.Combine(bin, "diagnostics.txt");

        var start = new ProcessStartInfo(nvim!)
        {
            WorkingDirectory = repository.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--headless", "--clean", "-u", init, repository.FullPath(".gitlab-ci.yml") })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["CIOIDCLINT_TEST_OUT"] = output;
        start.Environment["XDG_STATE_HOME"] = Path.Combine(bin, "state");
        start.Environment["XDG_CACHE_HOME"] = Path.Combine(bin, "cache");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("nvim did not finish; stderr: " + await stderr);
        }

        Assert.True(File.Exists(output), "nvim wrote no diagnostics file; stderr: " + await stderr + await stdout);
        var lines = File.ReadAllLines(output);
        Assert.Contains(lines, l => l.StartsWith("7:7 cioidclint CIOL004 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("8:12 cioidclint CIOL001 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("hover ", StringComparison.Ordinal) && l.Contains("**Job `build`** as GitLab composes it: 1 ID token", StringComparison.Ordinal));
        Assert.Contains("line     BAO_ID_TOKEN:", lines);
        Assert.Contains(lines, l => l.StartsWith("line     - export VAULT_TOKEN=", StringComparison.Ordinal) && l.EndsWith("jwt=$BAO_ID_TOKEN)", StringComparison.Ordinal));
    }

    private static string? FindOnPath(string name)
        => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
