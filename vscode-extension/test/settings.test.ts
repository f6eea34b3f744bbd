import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defaultPipelineGlobs, documentSelector, findFilesPattern, pipelineGlobs } from '../src/settings';
import { checkArguments, checkSucceeded, parseCheckReport, repositoryRoot } from '../src/workspaceLint';

describe('pipeline globs', () => {
  it('always holds GitLab\'s names', () => {
    assert.deepEqual(pipelineGlobs(undefined), ['**/.gitlab-ci.yml', '**/.gitlab-ci.yaml', '**/*.gitlab-ci.yml', '**/*.gitlab-ci.yaml', '**/.gitlab/ci/**/*.yml', '**/.gitlab/ci/**/*.yaml']);
    assert.deepEqual(pipelineGlobs([]), [...defaultPipelineGlobs]);
  });

  it('anchors relative patterns anywhere in the workspace and cleans the setting up', () => {
    assert.deepEqual(
      pipelineGlobs(['ci/*.yml', './templates/**/*.yaml', '  ', 42, null, '**/deploy.yml', 'ci\\jobs\\*.yml', 'ci/*.yml', '/abs/pipe.yml', '**/.gitlab-ci.yml']).slice(6),
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
  it('reads the JSON report, 0-based, with ranges and help links', () => {
    const out = JSON.stringify({
      schemaVersion: 1,
      tool: { name: 'cioidclint', version: '0.1.0' },
      findings: [
        {
          ruleId: 'CIOL004', ruleName: 'export-masks-exit-code', severity: 'warning',
          message: "'export VAULT_TOKEN=$(vault write …)' hides a failure of 'vault write' (in job 'deploy')",
          path: 'sub/.gitlab-ci.yml', start: { line: 17, column: 7 }, end: { line: 17, column: 40 },
          jobs: ['deploy'], fingerprint: '0'.repeat(32), helpUri: 'https://example.invalid/CIOL004.md', fixes: [],
        },
        { ruleId: 'CIOL001', severity: 'error', message: 'CI_JOB_JWT was removed in GitLab 17.0', path: 'ci/c:d.yml', start: { line: 3, column: 1 } },
        { ruleId: 'CIOL002', severity: 'error', message: 'no position' },
      ],
    }, null, 2);
    assert.deepEqual(parseCheckReport(out), [
      {
        path: 'sub/.gitlab-ci.yml', start: { line: 16, character: 6 }, end: { line: 16, character: 39 }, severity: 'warning', id: 'CIOL004',
        message: "'export VAULT_TOKEN=$(vault write …)' hides a failure of 'vault write' (in job 'deploy')", helpUri: 'https://example.invalid/CIOL004.md',
      },
      { path: 'ci/c:d.yml', start: { line: 2, character: 0 }, end: { line: 2, character: 0 }, severity: 'error', id: 'CIOL001', message: 'CI_JOB_JWT was removed in GitLab 17.0' },
    ]);
  });

  it('refuses output that is not the report', () => {
    assert.throws(() => parseCheckReport('.gitlab-ci.yml:1:1: error CIOL001 x'));
    assert.throws(() => parseCheckReport('{"findings": 3}'));
  });

  it('resolves paths against the repository, as the CLI does', () => {
    const gits = new Set([path.resolve('/work/repo')]);
    assert.equal(repositoryRoot('/work/repo/sub/dir', (d) => gits.has(d)), path.resolve('/work/repo'));
    assert.equal(repositoryRoot('/elsewhere/x', (d) => gits.has(d)), path.resolve('/elsewhere/x'));
  });

  it('checks the whole folder as JSON and treats exit 1 as findings, not failure', () => {
    assert.deepEqual(checkArguments(), ['check', '--format', 'json', '--severity-threshold', 'error', '.']);
    assert.equal(checkSucceeded(0), true);
    assert.equal(checkSucceeded(1), true);
    assert.equal(checkSucceeded(2), false);
    assert.equal(checkSucceeded(null), false);
  });
});
