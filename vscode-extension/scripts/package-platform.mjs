// Packages the platform .vsix for the machine it runs on (vsce package --target TARGET): the
// NativeAOT server of this platform, which needs no .NET. NativeAOT builds for the operating
// system it runs on, so each platform's .vsix is made on that platform; linux-x64 is the one
// the project's CI makes and tests.
import { spawnSync } from 'node:child_process';

const targets = {
  'linux-x64': { target: 'linux-x64', rid: 'linux-x64' },
  'linux-arm64': { target: 'linux-arm64', rid: 'linux-arm64' },
  'darwin-x64': { target: 'darwin-x64', rid: 'osx-x64' },
  'darwin-arm64': { target: 'darwin-arm64', rid: 'osx-arm64' },
  'win32-x64': { target: 'win32-x64', rid: 'win-x64' },
};
const host = `${process.platform}-${process.arch}`;
const platform = targets[host];
if (!platform) {
  console.error(`package-platform: no native server for ${host}; the universal .vsix serves it`);
  process.exit(0);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(process.execPath, ['scripts/publish-server.mjs', '--native', platform.rid]);
run('vsce', ['package', '--target', platform.target, '--no-dependencies', '--allow-missing-repository']);
run(process.execPath, ['scripts/check-vsix.mjs', '--target', platform.target]);
