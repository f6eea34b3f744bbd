// Finds how to start the language server: which server, and, for a framework-dependent one,
// which `dotnet` runs it. The platform .vsix bundles the native server, which needs no .NET.
// Pure logic over an injected probe of the machine, so the unit tests can drive every case
// without VS Code, a .NET install or a real file system.

import * as path from 'node:path';

/** The environment variable that points the extension at a local server build, for development. */
export const serverPathVariable = 'CIOIDCLINT_SERVER_PATH';

/** Where .NET is downloaded from; the message for a missing runtime links here. */
export const dotnetDownloadUrl = 'https://dotnet.microsoft.com/download/dotnet';

/** What the extension may learn about the machine. */
export interface MachineProbe {
  readonly platform: NodeJS.Platform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homeDir: string;
  /** True when the path names an existing file that may be run (or a .dll that may be read). */
  isFile(file: string): boolean;
  /** The text of a file, or undefined when it cannot be read. */
  readText(file: string): string | undefined;
  /** The standard output of `dotnet --list-runtimes`, or undefined when dotnet did not run. */
  listRuntimes(dotnet: string): Promise<string | undefined>;
  /**
   * A `dotnet` that has the given major runtime, from the .NET Install Tool extension
   * (ms-dotnettools.vscode-dotnet-runtime), which downloads it once for every extension that
   * asks; undefined when that extension is not installed or could not provide one.
   */
  acquireDotnet?(major: string): Promise<string | undefined>;
}

/** The servers an installed extension may carry in its server/ folder. */
export interface BundledServer {
  /** The NativeAOT executable of the platform .vsix: run directly, no .NET needed. */
  readonly native: string;
  /** The framework-dependent server of the universal .vsix: run with `dotnet`. */
  readonly dll: string;
}

/** The bundled servers of an extension installed at `extensionPath`. */
export function bundledServer(extensionPath: string, platform: NodeJS.Platform): BundledServer {
  const join = platform === 'win32' ? path.win32.join : path.posix.join;
  return {
    native: join(extensionPath, 'server', platform === 'win32' ? 'cioidclint.exe' : 'cioidclint'),
    dll: join(extensionPath, 'server', 'cioidclint.dll'),
  };
}

/** The extension id of the .NET Install Tool, whose `dotnet.acquire` command provides a runtime. */
export const dotnetInstallToolId = 'ms-dotnettools.vscode-dotnet-runtime';

/** The machine-scoped settings that choose the runtime and the server. */
export interface RuntimeSettings {
  readonly dotnetPath: string;
  readonly serverPath: string;
}

/** The .NET shared framework a framework-dependent server asks for in its runtimeconfig.json. */
export interface RequiredFramework {
  readonly name: string;
  readonly version: string;
  readonly rollForward: string;
}

export type ServerSource = 'environment' | 'setting' | 'bundled';

export interface ServerLaunch {
  readonly ok: true;
  readonly command: string;
  readonly args: readonly string[];
  readonly source: ServerSource;
  /** One line for the output channel: what runs, and why that one. */
  readonly description: string;
}

export interface LaunchProblem {
  readonly ok: false;
  /** The one message shown to the user: what is wrong and what to install or set. */
  readonly message: string;
  /** The setting the user should look at, if any. */
  readonly setting?: 'cioidclint.dotnetPath' | 'cioidclint.serverPath';
  /** True when installing .NET is the fix. */
  readonly installDotnet: boolean;
}

export type LaunchPlan = ServerLaunch | LaunchProblem;

/**
 * Chooses the server and its runtime. Order: the development variable (a deliberate,
 * temporary override), then the `cioidclint.serverPath` setting, then the server inside the
 * extension, its native executable when it has one. A `.dll` runs with `dotnet`; anything
 * else is run directly (a NativeAOT build), and then no `dotnet` is looked for at all.
 */
export async function planLaunch(
  settings: RuntimeSettings,
  bundled: BundledServer,
  probe: MachineProbe,
): Promise<LaunchPlan> {
  const fromEnv = probe.env[serverPathVariable]?.trim();
  const fromSetting = settings.serverPath.trim();
  let server: string;
  let source: ServerSource;
  if (fromEnv) {
    server = fromEnv;
    source = 'environment';
  } else if (fromSetting) {
    server = fromSetting;
    source = 'setting';
  } else {
    server = probe.isFile(bundled.native) ? bundled.native : bundled.dll;
    source = 'bundled';
  }

  if (!probe.isFile(server)) {
    switch (source) {
      case 'environment':
        return problem(`CiOidcLint: ${serverPathVariable} names ${server}, which does not exist. Build the server (dotnet build server/CiOidcLint.Cli) or unset the variable.`);
      case 'setting':
        return problem(`CiOidcLint: the setting cioidclint.serverPath names ${server}, which does not exist.`, 'cioidclint.serverPath');
      case 'bundled':
        return problem(`CiOidcLint: this copy of the extension has no language server (${server} is missing). Reinstall the extension from its .vsix, or set cioidclint.serverPath.`, 'cioidclint.serverPath');
    }
  }

  const why = source === 'environment' ? `from ${serverPathVariable}` : source === 'setting' ? 'from cioidclint.serverPath' : 'bundled';
  if (!server.toLowerCase().endsWith('.dll')) {
    return { ok: true, command: server, args: ['server'], source, description: `server ${server} (${why})` };
  }

  const required = readRequiredFramework(server, probe);
  const found = await findRuntime(settings, required, probe);
  if (found.ok) {
    return launchOn(found.path, found.fromSetting ? ' (from cioidclint.dotnetPath)' : '');
  }

  // Nothing on the machine runs the server. Unless the user chose a dotnet, the .NET Install
  // Tool extension, when installed, provides one (as it does for Bicep and C# Dev Kit).
  if (!settings.dotnetPath.trim() && probe.acquireDotnet) {
    const major = required?.version.split('.')[0] ?? '10';
    const acquired = await probe.acquireDotnet(major);
    if (acquired && probe.isFile(acquired)) {
      const listing = await probe.listRuntimes(acquired);
      if (listing !== undefined && (!required || parseRuntimeList(listing, required.name).some((v) => satisfies(v, required)))) {
        return launchOn(acquired, ' (from the .NET Install Tool)');
      }
    }
  }

  return found;

  function launchOn(dotnet: string, origin: string): ServerLaunch {
    return {
      ok: true,
      command: dotnet,
      args: [server, 'server'],
      source,
      description: `server ${server} (${why}) on ${dotnet}${origin}`,
    };
  }
}

/** A `dotnet` on this machine that runs a server needing `required`, or why there is none. */
async function findRuntime(settings: RuntimeSettings, required: RequiredFramework | undefined, probe: MachineProbe): Promise<DotnetSearch> {
  const dotnet = findDotnet(settings, probe);
  if (!dotnet.ok) {
    return dotnet;
  }

  const listing = await probe.listRuntimes(dotnet.path);
  if (listing === undefined) {
    return problem(
      `CiOidcLint: ${dotnet.path} did not run. ${installAdvice(required)}`,
      dotnet.fromSetting ? 'cioidclint.dotnetPath' : undefined,
      true,
    );
  }

  if (required) {
    const installed = parseRuntimeList(listing, required.name);
    if (!installed.some((v) => satisfies(v, required))) {
      const has = installed.length ? `it has ${installed.join(', ')}` : `it has no ${required.name}`;
      return problem(
        `CiOidcLint: the language server needs the .NET runtime ${required.name} ${describeRange(required)}, and ${dotnet.path} does not have it (${has}). ${installAdvice(required)}`,
        dotnet.fromSetting ? 'cioidclint.dotnetPath' : undefined,
        true,
      );
    }
  }

  return dotnet;
}

type DotnetSearch = { ok: true; path: string; fromSetting: boolean } | LaunchProblem;

/** The `dotnet` to use: the setting if given, else PATH, DOTNET_ROOT and the usual install folders. */
export function findDotnet(settings: RuntimeSettings, probe: MachineProbe): DotnetSearch {
  const exe = probe.platform === 'win32' ? 'dotnet.exe' : 'dotnet';
  const configured = settings.dotnetPath.trim();
  if (configured) {
    if (probe.isFile(configured)) {
      return { ok: true, path: configured, fromSetting: true };
    }

    return problem(`CiOidcLint: the setting cioidclint.dotnetPath names ${configured}, which does not exist.`, 'cioidclint.dotnetPath');
  }

  for (const candidate of dotnetCandidates(probe, exe)) {
    if (probe.isFile(candidate)) {
      return { ok: true, path: candidate, fromSetting: false };
    }
  }

  return problem(
    `CiOidcLint: the language server needs .NET and found no '${exe}' on PATH. ${installAdvice(undefined)}`,
    'cioidclint.dotnetPath',
    true,
  );
}

/** PATH first; then where installers put .NET, for editors started from a desktop whose PATH lacks it. */
function dotnetCandidates(probe: MachineProbe, exe: string): string[] {
  const join = probe.platform === 'win32' ? path.win32.join : path.posix.join;
  const delimiter = probe.platform === 'win32' ? ';' : ':';
  const pathVariable = probe.platform === 'win32'
    ? Object.entries(probe.env).find(([k]) => k.toUpperCase() === 'PATH')?.[1]
    : probe.env.PATH;
  const candidates = (pathVariable ?? '')
    .split(delimiter)
    .map((dir) => dir.trim().replace(/^"(.*)"$/, '$1'))
    .filter((dir) => dir.length > 0)
    .map((dir) => join(dir, exe));
  const root = probe.env.DOTNET_ROOT?.trim();
  if (root) {
    candidates.push(join(root, exe));
  }

  if (probe.platform === 'win32') {
    const programFiles = probe.env.ProgramFiles ?? 'C:\\Program Files';
    candidates.push(join(programFiles, 'dotnet', exe));
  } else {
    candidates.push(
      join(probe.homeDir, '.dotnet', exe),
      '/usr/local/share/dotnet/dotnet',
      '/usr/share/dotnet/dotnet',
      '/usr/lib/dotnet/dotnet',
      '/opt/homebrew/opt/dotnet/libexec/dotnet',
      '/snap/dotnet-sdk/current/dotnet',
    );
  }

  return [...new Set(candidates)];
}

/** Reads `<server>.runtimeconfig.json` beside a framework-dependent server; undefined when absent. */
export function readRequiredFramework(serverDll: string, probe: MachineProbe): RequiredFramework | undefined {
  const config = serverDll.replace(/\.dll$/i, '.runtimeconfig.json');
  const text = probe.readText(config);
  return text === undefined ? undefined : parseRuntimeConfig(text);
}

/** The Microsoft.NETCore.App framework a runtimeconfig.json asks for. */
export function parseRuntimeConfig(text: string): RequiredFramework | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }

  const options = (json as { runtimeOptions?: Record<string, unknown> } | null)?.runtimeOptions;
  if (!options || typeof options !== 'object') {
    return undefined;
  }

  const frameworks = [options.framework, ...(Array.isArray(options.frameworks) ? options.frameworks : [])]
    .filter((f): f is { name: string; version: string } =>
      typeof f === 'object' && f !== null && typeof (f as { name?: unknown }).name === 'string' && typeof (f as { version?: unknown }).version === 'string');
  const core = frameworks.find((f) => f.name === 'Microsoft.NETCore.App') ?? frameworks[0];
  if (!core) {
    return undefined;
  }

  const rollForward = typeof options.rollForward === 'string' ? options.rollForward : 'Minor';
  return { name: core.name, version: core.version, rollForward };
}

/** The versions of one shared framework in `dotnet --list-runtimes` output. */
export function parseRuntimeList(listing: string, framework: string): string[] {
  const versions: string[] = [];
  for (const line of listing.split(/\r?\n/)) {
    const match = /^(\S+) (\S+) \[/.exec(line.trim());
    if (match && match[1] === framework) {
      versions.push(match[2]);
    }
  }

  return versions;
}

/**
 * Whether an installed runtime runs an app built for `required`, by .NET's roll-forward rules:
 * never a lower version nor a preview of the required one's release when a release is asked for;
 * the same major unless rollForward allows a later one.
 */
export function satisfies(installed: string, required: RequiredFramework): boolean {
  const have = parseVersion(installed);
  const want = parseVersion(required.version);
  if (!have || !want) {
    return false;
  }

  if (compareVersions(have, want) < 0) {
    return false;
  }

  switch (required.rollForward) {
    case 'Disable':
    case 'LatestPatch':
      return have.major === want.major && have.minor === want.minor && (required.rollForward === 'LatestPatch' || have.patch === want.patch);
    case 'Major':
    case 'LatestMajor':
      return true;
    default:
      // Minor and LatestMinor, the default: the same major version.
      return have.major === want.major;
  }
}

interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: string;
}

function parseVersion(text: string): Version | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-(.+))?$/.exec(text);
  return match ? { major: +match[1], minor: +match[2], patch: +match[3], prerelease: match[4] ?? '' } : undefined;
}

function compareVersions(a: Version, b: Version): number {
  if (a.major !== b.major) return a.major - b.major;
  if (a.minor !== b.minor) return a.minor - b.minor;
  if (a.patch !== b.patch) return a.patch - b.patch;
  // A release sorts after its previews; previews compare as text, as .NET's host does.
  if (a.prerelease === b.prerelease) return 0;
  if (!a.prerelease) return 1;
  if (!b.prerelease) return -1;
  return a.prerelease < b.prerelease ? -1 : 1;
}

function describeRange(required: RequiredFramework): string {
  const major = required.version.split('.')[0];
  switch (required.rollForward) {
    case 'Major':
    case 'LatestMajor':
      return `${required.version} or later`;
    case 'Disable':
      return `exactly ${required.version}`;
    default:
      return `${required.version} or a later ${major}.x`;
  }
}

function installAdvice(required: RequiredFramework | undefined): string {
  const major = required?.version.split('.')[0] ?? '10';
  return `Install the .NET ${major} runtime (${dotnetDownloadUrl}/${major}.0) or the .NET Install Tool extension (${dotnetInstallToolId}), which gets it for CiOidcLint; or set cioidclint.dotnetPath to a dotnet that has it. Where CiOidcLint has a .vsix for your platform (linux-x64 today), that one needs no .NET.`;
}

function problem(message: string, setting?: LaunchProblem['setting'], installDotnet = false): LaunchProblem {
  return setting === undefined ? { ok: false, message, installDotnet } : { ok: false, message, setting, installDotnet };
}
