// Checks a packaged .vsix: it carries the bundle and the server, no symbol files, no
// node_modules, and its manifest version is the package's.
//   node scripts/check-vsix.mjs                    the universal .vsix: the framework-dependent server
//   node scripts/check-vsix.mjs --target TARGET    the platform .vsix (a vsce target: linux-x64,
//                                                  darwin-arm64, win32-x64…): only the native
//                                                  executable, built for that processor and declared
//                                                  for that platform in the VSIX manifest
// Reads the zip's central directory itself, so it needs no unzip tool.
import { readFileSync, readdirSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const targetIndex = process.argv.indexOf('--target');
const target = targetIndex >= 0 ? process.argv[targetIndex + 1] : undefined;
const vsix = target ? `${manifest.name}-${target}-${manifest.version}.vsix` : `${manifest.name}-${manifest.version}.vsix`;
const data = readFileSync(vsix);

const eocd = data.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
if (eocd < 0) fail(`${vsix} is not a zip file`);
const count = data.readUInt16LE(eocd + 10);
let offset = data.readUInt32LE(eocd + 16);
const entries = new Map();
for (let i = 0; i < count; i++) {
  if (data.readUInt32LE(offset) !== 0x02014b50) fail(`${vsix}: bad central directory`);
  const method = data.readUInt16LE(offset + 10);
  const compressed = data.readUInt32LE(offset + 20);
  const nameLength = data.readUInt16LE(offset + 28);
  const extraLength = data.readUInt16LE(offset + 30);
  const commentLength = data.readUInt16LE(offset + 32);
  const local = data.readUInt32LE(offset + 42);
  const name = data.toString('utf8', offset + 46, offset + 46 + nameLength);
  entries.set(name, { method, compressed, local });
  offset += 46 + nameLength + extraLength + commentLength;
}

function read(name, encoding = 'utf8') {
  const entry = entries.get(name);
  if (!entry) fail(`${vsix} has no ${name}`);
  const start = entry.local + 30 + data.readUInt16LE(entry.local + 26) + data.readUInt16LE(entry.local + 28);
  const raw = data.subarray(start, start + entry.compressed);
  return (entry.method === 8 ? inflateRawSync(raw) : raw).toString(encoding);
}

function fail(message) {
  console.error(`check-vsix: ${message}`);
  process.exit(1);
}

const names = [...entries.keys()];
const common = ['extension/package.json', 'extension/dist/extension.js', 'extension/LICENSE.txt', 'extension/readme.md'];
const serverFiles = target
  ? [`extension/server/${target.startsWith('win32-') ? 'cioidclint.exe' : 'cioidclint'}`]
  : ['extension/server/cioidclint.dll', 'extension/server/cioidclint.runtimeconfig.json', 'extension/server/cioidclint.deps.json'];
for (const required of [...common, ...serverFiles]) {
  if (!entries.has(required)) fail(`${vsix} has no ${required}`);
}
const unwanted = names.filter((n) => n.endsWith('.pdb') || n.endsWith('.dbg') || n.includes('node_modules/') || n.startsWith('extension/src/') || n.startsWith('extension/out/'));
if (unwanted.length) fail(`${vsix} carries files it should not: ${unwanted.join(', ')}`);
const packaged = JSON.parse(read('extension/package.json'));
if (packaged.version !== manifest.version) fail(`${vsix} is version ${packaged.version}, package.json says ${manifest.version}`);
const vsixManifest = read('extension.vsixmanifest');

if (target) {
  // Only the executable: a platform .vsix that also carried the .dll would still need .NET to be judged right.
  const server = names.filter((n) => n.startsWith('extension/server/'));
  if (server.length !== 1) fail(`${vsix} should carry only the native server, not ${server.join(', ')}`);
  const head = Buffer.from(read(serverFiles[0], 'binary'), 'binary').subarray(0, 64);
  const elf = head[0] === 0x7f && head.toString('latin1', 1, 4) === 'ELF';
  const native = elf || head.toString('latin1', 0, 2) === 'MZ' || head.readUInt32LE(0) === 0xfeedfacf;
  if (!native) fail(`${serverFiles[0]} in ${vsix} is not a native executable`);
  // A Linux server must be built for the target's processor (ELF e_machine: x86-64 62, AArch64 183).
  const machine = { 'linux-x64': 62, 'linux-arm64': 183 }[target];
  if (machine !== undefined && (!elf || head.readUInt16LE(18) !== machine)) fail(`${serverFiles[0]} in ${vsix} is not built for ${target}`);
  if (!vsixManifest.includes(`TargetPlatform="${target}"`)) fail(`${vsix} does not declare TargetPlatform="${target}" in its manifest`);
} else {
  // Every assembly the publish produced is in the package.
  const published = readdirSync('server', { recursive: true }).map((f) => `extension/server/${String(f).replace(/\\/g, '/')}`).filter((f) => f.endsWith('.dll') || f.endsWith('.json'));
  const missing = published.filter((f) => !entries.has(f));
  if (missing.length) fail(`${vsix} lacks published files: ${missing.join(', ')}`);
  const config = JSON.parse(read('extension/server/cioidclint.runtimeconfig.json'));
  if (!config.runtimeOptions?.framework && !config.runtimeOptions?.frameworks) fail('the server is not framework-dependent (no framework in its runtimeconfig.json)');
  if (vsixManifest.includes('TargetPlatform=')) fail(`${vsix} is meant for every platform but declares a TargetPlatform`);
}
console.log(`check-vsix: ${vsix} is version ${packaged.version}${target ? ` for ${target}` : ' for every platform'} with ${names.filter((n) => n.startsWith('extension/server/')).length} server files`);
