// Publishes the CLI (which is also the language server: `cioidclint server`) into server/,
// framework-dependent and platform-neutral: `dotnet cioidclint.dll server` runs it on any OS
// with the .NET runtime, so one .vsix serves every platform. No .pdb, no native launcher.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const project = resolve(extensionDir, '..', 'server', 'CiOidcLint.Cli', 'CiOidcLint.Cli.csproj');
const out = join(extensionDir, 'server');

rmSync(out, { recursive: true, force: true });
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
