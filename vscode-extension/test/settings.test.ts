import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { isYamlPath, yamlDocumentSelector } from '../src/settings';

describe('documents handed to the server', () => {
  it('are YAML files on disk, whatever their name', () => {
    assert.deepEqual(yamlDocumentSelector, [{ scheme: 'file', pattern: '**/*.{yml,yaml}' }]);
    assert.ok(isYamlPath('/repo/.gitlab-ci.yml'));
    assert.ok(isYamlPath('/repo/ci/deploy.YAML'));
    assert.ok(!isYamlPath('/repo/README.md'));
  });

  it('leave the pipeline names to the server: the extension names none', () => {
    // The server registers which documents to send (DocumentSync); a list here would drift.
    const source = ['extension.ts', 'settings.ts', 'runtime.ts', 'status.ts', 'effectiveView.ts']
      .map((file) => readFileSync(join(__dirname, '..', '..', 'src', file), 'utf8'))
      .join('\n');
    assert.doesNotMatch(source, /\.gitlab-ci|gitlab\/ci/);
  });
});
