import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultPipelineGlobs, documentSelector, pipelineGlobs } from '../src/settings';

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
});
