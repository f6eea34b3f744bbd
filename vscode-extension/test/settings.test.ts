import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultPipelineGlobs, documentSelector, findFilesPattern, pipelineGlobs } from '../src/settings';
import { checkArguments, checkSucceeded, parseCheckOutput } from '../src/workspaceLint';

describe('pipeline globs', () => {
  it('always holds GitLab\'s names', () => {
    assert.deepEqual(pipelineGlobs(undefined), ['**/.gitlab-ci.yml', '**/*.gitlab-ci.yml', '**/.gitlab/ci/**/*.yml']);
    assert.deepEqual(pipelineGlobs([]), [...defaultPipelineGlobs]);
  });

  it('anchors relative patterns anywhere in the workspace and cleans the setting up', () => {
    assert.deepEqual(
      pipelineGlobs(['ci/*.yml', './templates/**/*.yaml', '  ', 42, null, '**/deploy.yml', 'ci\\jobs\\*.yml', 'ci/*.yml', '/abs/pipe.yml', '**/.gitlab-ci.yml']).slice(3),
      ['**/ci/*.yml', '**/templates/**/*.yaml', '**/deploy.yml', '**/ci/jobs/*.yml', '/abs/pipe.yml'],
    );
  });

  it('ignores a setting that is not a list', () => {
    assert.deepEqual(pipelineGlobs('ci/*.yml'), [...defaultPipelineGlobs]);
  });

  it('selects files on disk by pattern, whatever their language id', () => {
    assert.deepEqual(documentSelector(['**/a.yml']), [{ scheme: 'file', pattern: '**/a.yml' }]);
  });

  it('joins globs into one pattern for findFiles', () => {
    assert.equal(findFilesPattern(['**/a.yml']), '**/a.yml');
    assert.equal(findFilesPattern(['**/a.yml', '**/b.yml']), '{**/a.yml,**/b.yml}');
  });
});

describe('workspace lint output', () => {
  it('reads compiler-style findings, 0-based', () => {
    const out = [
      ".gitlab-ci.yml:17:7: warning CIOL004 'export VAULT_TOKEN=$(vault write …)' hides a failure of 'vault write' (in job 'deploy')",
      'ci/c:d.yml:3:1: error CIOL001 CI_JOB_JWT was removed in GitLab 17.0',
      'not a finding',
      '',
    ].join('\r\n');
    assert.deepEqual(parseCheckOutput(out), [
      { path: '.gitlab-ci.yml', line: 16, character: 6, severity: 'warning', id: 'CIOL004', message: "'export VAULT_TOKEN=$(vault write …)' hides a failure of 'vault write' (in job 'deploy')" },
      { path: 'ci/c:d.yml', line: 2, character: 0, severity: 'error', id: 'CIOL001', message: 'CI_JOB_JWT was removed in GitLab 17.0' },
    ]);
  });

  it('checks the whole folder without colour and treats exit 1 as findings, not failure', () => {
    assert.deepEqual(checkArguments(), ['check', '--no-color', '--severity-threshold', 'error', '.']);
    assert.equal(checkSucceeded(0), true);
    assert.equal(checkSucceeded(1), true);
    assert.equal(checkSucceeded(2), false);
    assert.equal(checkSucceeded(null), false);
  });
});
