import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bundledServer,
  MachineProbe,
  parseRuntimeConfig,
  parseRuntimeList,
  planLaunch,
  RequiredFramework,
  satisfies,
  serverPathVariable,
} from '../src/runtime';

const bundledDll = '/ext/server/cioidclint.dll';
const bundledNative = '/ext/server/cioidclint';
const bundled = { native: bundledNative, dll: bundledDll };
const runtimeConfig = JSON.stringify({
  runtimeOptions: { tfm: 'net10.0', framework: { name: 'Microsoft.NETCore.App', version: '10.0.0' } },
});
const net10 = [
  'Microsoft.AspNetCore.App 10.0.1 [/usr/share/dotnet/shared/Microsoft.AspNetCore.App]',
  'Microsoft.NETCore.App 8.0.22 [/usr/share/dotnet/shared/Microsoft.NETCore.App]',
  'Microsoft.NETCore.App 10.0.1 [/usr/share/dotnet/shared/Microsoft.NETCore.App]',
].join('\n');
const net8 = 'Microsoft.NETCore.App 8.0.22 [/usr/share/dotnet/shared/Microsoft.NETCore.App]\n';

interface FakeMachine {
  files?: string[];
  env?: Record<string, string>;
  platform?: NodeJS.Platform;
  runtimes?: Record<string, string | undefined>;
  /** What the .NET Install Tool would hand back; absent: the extension is not installed. */
  installTool?: () => string | undefined;
}

function machine(fake: FakeMachine): MachineProbe & { listed: string[]; acquired: string[] } {
  const files = new Set(fake.files ?? []);
  const listed: string[] = [];
  const acquired: string[] = [];
  const installTool = fake.installTool;
  return {
    acquired,
    ...(installTool && {
      acquireDotnet: async (major: string) => {
        acquired.push(major);
        return installTool();
      },
    }),
    platform: fake.platform ?? 'linux',
    env: fake.env ?? {},
    homeDir: '/home/me',
    listed,
    isFile: (file) => files.has(file),
    readText: (file) => (file.endsWith('.runtimeconfig.json') && files.has(file) ? runtimeConfig : undefined),
    listRuntimes: async (dotnet) => {
      listed.push(dotnet);
      return fake.runtimes?.[dotnet];
    },
  };
}

const noSettings = { dotnetPath: '', serverPath: '' };
const bundledFiles = [bundledDll, '/ext/server/cioidclint.runtimeconfig.json'];

describe('planLaunch', () => {
  it('runs the bundled server with dotnet from PATH', async () => {
    const probe = machine({
      files: [...bundledFiles, '/opt/dn/dotnet'],
      env: { PATH: '/usr/bin:/opt/dn' },
      runtimes: { '/opt/dn/dotnet': net10 },
    });
    const plan = await planLaunch(noSettings, bundled, probe);
    assert.deepEqual(plan.ok && { command: plan.command, args: plan.args, source: plan.source }, {
      command: '/opt/dn/dotnet',
      args: [bundledDll, 'server'],
      source: 'bundled',
    });
  });

  it('prefers the machine-scoped dotnetPath setting over PATH', async () => {
    const probe = machine({
      files: [...bundledFiles, '/usr/bin/dotnet', '/custom/dotnet'],
      env: { PATH: '/usr/bin' },
      runtimes: { '/custom/dotnet': net10, '/usr/bin/dotnet': net10 },
    });
    const plan = await planLaunch({ dotnetPath: '/custom/dotnet', serverPath: '' }, bundled, probe);
    assert.equal(plan.ok && plan.command, '/custom/dotnet');
    assert.deepEqual(probe.listed, ['/custom/dotnet']);
  });

  it('names the setting when dotnetPath points at nothing', async () => {
    const probe = machine({ files: [...bundledFiles, '/usr/bin/dotnet'], env: { PATH: '/usr/bin' }, runtimes: { '/usr/bin/dotnet': net10 } });
    const plan = await planLaunch({ dotnetPath: '/missing/dotnet', serverPath: '' }, bundled, probe);
    assert.equal(plan.ok, false);
    assert.equal(!plan.ok && plan.setting, 'cioidclint.dotnetPath');
    assert.match(!plan.ok ? plan.message : '', /cioidclint\.dotnetPath names \/missing\/dotnet/);
  });

  it('says what to install when there is no dotnet anywhere', async () => {
    const plan = await planLaunch(noSettings, bundled, machine({ files: bundledFiles, env: { PATH: '/usr/bin:/bin' } }));
    assert.equal(plan.ok, false);
    assert.equal(!plan.ok && plan.installDotnet, true);
    assert.match(!plan.ok ? plan.message : '', /found no 'dotnet' on PATH\. Install the \.NET 10 runtime \(https:\/\/dotnet\.microsoft\.com\/download\/dotnet\/10\.0\)/);
  });

  it('finds dotnet in DOTNET_ROOT and the usual folders when PATH lacks it', async () => {
    const viaRoot = machine({ files: [...bundledFiles, '/sdk/dotnet'], env: { PATH: '/usr/bin', DOTNET_ROOT: '/sdk' }, runtimes: { '/sdk/dotnet': net10 } });
    assert.equal((await planLaunch(noSettings, bundled, viaRoot)).ok, true);
    const viaHome = machine({ files: [...bundledFiles, '/home/me/.dotnet/dotnet'], env: {}, runtimes: { '/home/me/.dotnet/dotnet': net10 } });
    const plan = await planLaunch(noSettings, bundled, viaHome);
    assert.equal(plan.ok && plan.command, '/home/me/.dotnet/dotnet');
  });

  it('looks for dotnet.exe on Windows, with its PATH spelling and separator', async () => {
    const exe = 'C:\\tools\\dotnet\\dotnet.exe';
    const probe = machine({
      platform: 'win32',
      files: [...bundledFiles, exe],
      env: { Path: 'C:\\Windows;"C:\\tools\\dotnet"' },
      runtimes: { [exe]: net10 },
    });
    const plan = await planLaunch(noSettings, bundled, probe);
    assert.equal(plan.ok && plan.command, exe);
  });

  it('refuses a dotnet that has only an older runtime, and says which it has', async () => {
    const probe = machine({ files: [...bundledFiles, '/usr/bin/dotnet'], env: { PATH: '/usr/bin' }, runtimes: { '/usr/bin/dotnet': net8 } });
    const plan = await planLaunch(noSettings, bundled, probe);
    assert.equal(plan.ok, false);
    assert.match(!plan.ok ? plan.message : '', /needs the \.NET runtime Microsoft\.NETCore\.App 10\.0\.0 or a later 10\.x.*it has 8\.0\.22/);
  });

  it('reports a dotnet that does not run', async () => {
    const probe = machine({ files: [...bundledFiles, '/usr/bin/dotnet'], env: { PATH: '/usr/bin' }, runtimes: {} });
    const plan = await planLaunch(noSettings, bundled, probe);
    assert.equal(plan.ok, false);
    assert.match(!plan.ok ? plan.message : '', /\/usr\/bin\/dotnet did not run/);
  });

  it('runs a serverPath executable directly, without dotnet', async () => {
    const probe = machine({ files: ['/opt/cioidclint'], env: { PATH: '' } });
    const plan = await planLaunch({ dotnetPath: '', serverPath: '/opt/cioidclint' }, bundled, probe);
    assert.deepEqual(plan.ok && { command: plan.command, args: plan.args, source: plan.source }, {
      command: '/opt/cioidclint',
      args: ['server'],
      source: 'setting',
    });
  });

  it('lets the development variable win over the setting and the bundled server', async () => {
    const dev = '/src/server/CiOidcLint.Cli/bin/Debug/net10.0/cioidclint.dll';
    const probe = machine({
      files: [...bundledFiles, '/opt/cioidclint', dev, '/usr/bin/dotnet'],
      env: { PATH: '/usr/bin', [serverPathVariable]: dev },
      runtimes: { '/usr/bin/dotnet': net10 },
    });
    const plan = await planLaunch({ dotnetPath: '', serverPath: '/opt/cioidclint' }, bundled, probe);
    assert.deepEqual(plan.ok && { args: plan.args, source: plan.source }, { args: [dev, 'server'], source: 'environment' });
  });

  it('explains a missing server for each way of choosing it', async () => {
    const env = await planLaunch(noSettings, bundled, machine({ env: { [serverPathVariable]: '/nope.dll' } }));
    assert.match(!env.ok ? env.message : '', /CIOIDCLINT_SERVER_PATH names \/nope\.dll/);
    const setting = await planLaunch({ dotnetPath: '', serverPath: '/nope' }, bundled, machine({}));
    assert.equal(!setting.ok && setting.setting, 'cioidclint.serverPath');
    const none = await planLaunch(noSettings, bundled, machine({}));
    assert.match(!none.ok ? none.message : '', /has no language server/);
  });

  it('runs the bundled native server directly and never looks for dotnet', async () => {
    // The platform .vsix: server/cioidclint beside no .dll, on a machine without .NET.
    const probe = machine({ files: [bundledNative], env: { PATH: '/usr/bin' }, installTool: () => '/never' });
    const plan = await planLaunch(noSettings, bundled, probe);
    assert.deepEqual(plan.ok && { command: plan.command, args: plan.args, source: plan.source }, {
      command: bundledNative,
      args: ['server'],
      source: 'bundled',
    });
    assert.deepEqual(probe.listed, []);
    assert.deepEqual(probe.acquired, []);
  });

  it('prefers the native server when a copy carries both', async () => {
    const probe = machine({ files: [bundledNative, ...bundledFiles, '/usr/bin/dotnet'], env: { PATH: '/usr/bin' }, runtimes: { '/usr/bin/dotnet': net10 } });
    const plan = await planLaunch(noSettings, bundled, probe);
    assert.equal(plan.ok && plan.command, bundledNative);
  });

  it('names the native server of each platform', () => {
    assert.deepEqual(bundledServer('/ext', 'linux'), { native: '/ext/server/cioidclint', dll: '/ext/server/cioidclint.dll' });
    assert.deepEqual(bundledServer('C:\\ext', 'win32'), { native: 'C:\\ext\\server\\cioidclint.exe', dll: 'C:\\ext\\server\\cioidclint.dll' });
  });

  it('gets a runtime from the .NET Install Tool when the machine has none', async () => {
    const acquired = '/home/me/.vscode/dotnet/10.0.1/dotnet';
    const probe = machine({ files: [...bundledFiles, acquired], env: { PATH: '/usr/bin' }, runtimes: { [acquired]: net10 }, installTool: () => acquired });
    const plan = await planLaunch(noSettings, bundled, probe);
    assert.deepEqual(plan.ok && { command: plan.command, args: plan.args }, { command: acquired, args: [bundledDll, 'server'] });
    assert.match(plan.ok ? plan.description : '', /from the \.NET Install Tool/);
    assert.deepEqual(probe.acquired, ['10']);
  });

  it('asks the .NET Install Tool when the machine has only an older runtime', async () => {
    const acquired = '/acquired/dotnet';
    const probe = machine({ files: [...bundledFiles, '/usr/bin/dotnet', acquired], env: { PATH: '/usr/bin' }, runtimes: { '/usr/bin/dotnet': net8, [acquired]: net10 }, installTool: () => acquired });
    const plan = await planLaunch(noSettings, bundled, probe);
    assert.equal(plan.ok && plan.command, acquired);
  });

  it('keeps the first problem when the .NET Install Tool cannot help, and respects a chosen dotnetPath', async () => {
    const failing = machine({ files: bundledFiles, env: { PATH: '/usr/bin' }, installTool: () => undefined });
    const plan = await planLaunch(noSettings, bundled, failing);
    assert.equal(plan.ok, false);
    assert.match(!plan.ok ? plan.message : '', /found no 'dotnet' on PATH.*\.NET Install Tool extension \(ms-dotnettools\.vscode-dotnet-runtime\)/);
    assert.deepEqual(failing.acquired, ['10']);

    const chosen = machine({ files: [...bundledFiles, '/custom/dotnet'], env: { PATH: '' }, runtimes: { '/custom/dotnet': net8 }, installTool: () => '/acquired/dotnet' });
    const refused = await planLaunch({ dotnetPath: '/custom/dotnet', serverPath: '' }, bundled, chosen);
    assert.equal(refused.ok, false);
    assert.deepEqual(chosen.acquired, []);
  });

  it('skips the version check for a server without a runtimeconfig.json', async () => {
    const probe = machine({ files: ['/dev/cioidclint.dll', '/usr/bin/dotnet'], env: { PATH: '/usr/bin' }, runtimes: { '/usr/bin/dotnet': net8 } });
    const plan = await planLaunch({ dotnetPath: '', serverPath: '/dev/cioidclint.dll' }, bundled, probe);
    assert.equal(plan.ok, true);
  });
});

describe('runtime versions', () => {
  const want = (version: string, rollForward = 'Minor'): RequiredFramework => ({ name: 'Microsoft.NETCore.App', version, rollForward });

  it('reads the framework from a runtimeconfig.json', () => {
    assert.deepEqual(parseRuntimeConfig(runtimeConfig), want('10.0.0'));
    assert.deepEqual(
      parseRuntimeConfig('{"runtimeOptions":{"rollForward":"Major","frameworks":[{"name":"Microsoft.NETCore.App","version":"10.0.0"},{"name":"Microsoft.AspNetCore.App","version":"10.0.0"}]}}'),
      want('10.0.0', 'Major'),
    );
    assert.equal(parseRuntimeConfig('not json'), undefined);
    assert.equal(parseRuntimeConfig('{"runtimeOptions":{}}'), undefined);
  });

  it('lists one framework from dotnet --list-runtimes', () => {
    assert.deepEqual(parseRuntimeList(net10, 'Microsoft.NETCore.App'), ['8.0.22', '10.0.1']);
    assert.deepEqual(parseRuntimeList(net10.replace(/\n/g, '\r\n'), 'Microsoft.AspNetCore.App'), ['10.0.1']);
  });

  it('follows roll-forward rules', () => {
    assert.equal(satisfies('10.0.1', want('10.0.0')), true);
    assert.equal(satisfies('10.2.0', want('10.0.0')), true);
    assert.equal(satisfies('11.0.0', want('10.0.0')), false);
    assert.equal(satisfies('11.0.0', want('10.0.0', 'Major')), true);
    assert.equal(satisfies('9.0.9', want('10.0.0', 'LatestMajor')), false);
    assert.equal(satisfies('10.0.0-rc.2.25502.107', want('10.0.0')), false);
    assert.equal(satisfies('10.0.0-rc.2', want('10.0.0-rc.1')), true);
    assert.equal(satisfies('10.1.0', want('10.0.0', 'LatestPatch')), false);
    assert.equal(satisfies('10.0.5', want('10.0.0', 'LatestPatch')), true);
    assert.equal(satisfies('10.0.5', want('10.0.0', 'Disable')), false);
    assert.equal(satisfies('garbage', want('10.0.0')), false);
  });
});
