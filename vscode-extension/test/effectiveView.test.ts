import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { effectiveUriParts, parseEffectiveQuery, targetFromArguments } from '../src/effectiveView';

describe('effective-job view URIs', () => {
  it('name the job in the tab and carry the exact source and job', () => {
    const parts = effectiveUriParts({ source: 'file:///repo/.gitlab-ci.yml', job: 'deploy: prod/eu' });
    assert.equal(parts.path, '/deploy_ prod_eu (effective).yml');
    assert.deepEqual(parseEffectiveQuery(parts.query), { source: 'file:///repo/.gitlab-ci.yml', job: 'deploy: prod/eu' });
  });

  it('name the file for a whole pipeline', () => {
    const parts = effectiveUriParts({ source: 'file:///repo/ci/my%20pipe.gitlab-ci.yml' });
    assert.equal(parts.path, '/my pipe.gitlab-ci.yml (effective).yml');
    assert.deepEqual(parseEffectiveQuery(parts.query), { source: 'file:///repo/ci/my%20pipe.gitlab-ci.yml' });
  });

  it('refuse queries and arguments that are not ours', () => {
    assert.equal(parseEffectiveQuery('job=x'), undefined);
    assert.equal(targetFromArguments([]), undefined);
    assert.equal(targetFromArguments(['a', 'b', 'c']), undefined);
    assert.equal(targetFromArguments([{ uri: 'x' }]), undefined);
    assert.deepEqual(targetFromArguments(['file:///a.yml', 'job']), { source: 'file:///a.yml', job: 'job' });
  });
});
