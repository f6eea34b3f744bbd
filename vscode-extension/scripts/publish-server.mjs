// Puts the language server (the CLI: `cioidclint server`) into server/, for one of two .vsix:
//   node scripts/publish-server.mjs                  the universal .vsix: framework-dependent and
//       platform-neutral, `dotnet cioidclint.dll server` on any OS with the .NET runtime. No .pdb,
//       no native launcher.
//   node scripts/publish-server.mjs --native RID     a platform .vsix (vsce package --target RID):
//       only the NativeAOT executable, which needs no .NET. It is CIOIDCLINT_CLI when that names a
//       native executable (scripts/test.sh publishes one), else scripts/publish-native.sh builds it.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repositoryDir = resolve(extensionDir, '..');
const project = resolve(repositoryDir, 'server', 'CiOidcLint.Cli', 'CiOidcLint.Cli.csproj');
const out = join(extensionDir, 'server');

rmSync(out, { recursive: true, force: true });

const nativeIndex = process.argv.indexOf('--native');
if (nativeIndex >= 0) {
  const rid = process.argv[nativeIndex + 1];
  if (!rid) {
    console.error('publish-server: --native needs a RID (linux-x64)');
    process.exit(2);
  }
  const exeName = rid.startsWith('win-') ? 'cioidclint.exe' : 'cioidclint';
  // CIOIDCLINT_CLI is this machine's build: reuse it only for this machine's RID.
  const hostRid = `${{ linux: 'linux', darwin: 'osx', win32: 'win' }[process.platform] ?? process.platform}-${process.arch}`;
  let exe = rid === hostRid ? process.env.CIOIDCLINT_CLI : undefined;
  if (!exe || exe.toLowerCase().endsWith('.dll') || !existsSync(exe)) {
    const built = spawnSync('bash', [join(repositoryDir, 'scripts', 'publish-native.sh'), rid, join(repositoryDir, 'artifacts', 'native', rid)], {
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
    });
    if (built.status !== 0) {
      console.error(`publish-server: scripts/publish-native.sh ${rid} failed`);
      process.exit(built.status ?? 1);
    }
    exe = built.stdout.trim().split('\n').pop();
  }
  mkdirSync(out, { recursive: true });
  copyFileSync(exe, join(out, exeName));
  chmodSync(join(out, exeName), 0o755);
  console.log(`publish-server: the native server ${exe} for ${rid} in ${out}`);
  process.exit(0);
}

const result = spawnSync('dotnet', [
  'publish', project,
  '--configuration', 'Release',
  '--output', out,
  '--nologo',
  '-p:DebugType=none',
  '-p:DebugSymbols=false',
  '-p:GenerateDocumentationFile=false',
  '-p:UseAppHost=false',
  '-p:SelfContained=false',
  '-p:PublishAot=false',
  '-p:PublishReadyToRun=false',
  // The server speaks English; Roslyn's and System.CommandLine's translations only add size.
  '-p:SatelliteResourceLanguages=en',
], { stdio: 'inherit', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_NOLOGO: '1' } });
if (result.error) {
  console.error(`publish-server: could not run dotnet: ${result.error.message}`);
  process.exit(1);
}
if (result.status !== 0) {
  process.exit(result.status ?? 1);
}

const files = readdirSync(out, { recursive: true }).map(String);
const symbols = files.filter((f) => f.endsWith('.pdb'));
if (symbols.length > 0) {
  console.error(`publish-server: the published server still has symbol files: ${symbols.join(', ')}`);
  process.exit(1);
}
if (!files.includes('cioidclint.dll') || !files.includes('cioidclint.runtimeconfig.json')) {
  console.error('publish-server: cioidclint.dll or its runtimeconfig.json is missing from the publish output');
  process.exit(1);
}
console.log(`publish-server: ${files.length} files in ${out}`);
