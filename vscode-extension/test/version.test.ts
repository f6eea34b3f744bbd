import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

// Tests run from vscode-extension/ (npm runs workspace scripts there).
const extensionDir = process.cwd();
const manifest = JSON.parse(readFileSync(join(extensionDir, 'package.json'), 'utf8'));

describe('manifest', () => {
  it('has the version of Directory.Build.props, the one version of tool, server and extension', () => {
    const props = readFileSync(join(extensionDir, '..', 'Directory.Build.props'), 'utf8');
    const version = /<Version>([^<]+)<\/Version>/.exec(props)?.[1];
    assert.ok(version, 'Directory.Build.props has no <Version>');
    assert.equal(manifest.version, version);
  });

  it('keeps the runtime and server settings machine-scoped, so a workspace cannot choose what runs', () => {
    const properties = manifest.contributes.configuration.properties;
    assert.equal(properties['cioidclint.dotnetPath'].scope, 'machine');
    assert.equal(properties['cioidclint.serverPath'].scope, 'machine');
  });

  it('declares every command it registers, and activates on YAML', () => {
    const commands = manifest.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepEqual(commands, ['cioidclint.fixAllInFile', 'cioidclint.lintWorkspace', 'cioidclint.restartServer', 'cioidclint.showEffectivePipeline', 'cioidclint.showOutput']);
    const source = readFileSync(join(extensionDir, 'src', 'extension.ts'), 'utf8');
    const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    assert.deepEqual(registered, commands);
    assert.ok(manifest.activationEvents.includes('onLanguage:yaml'));
    assert.equal(typeof manifest.capabilities.untrustedWorkspaces.supported, 'boolean');
  });
});
