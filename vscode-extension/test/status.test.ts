import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countFindings, statusView } from '../src/status';

describe('status bar', () => {
  it('counts VS Code severities', () => {
    assert.deepEqual(countFindings([0, 1, 1, 2, 3]), { errors: 1, warnings: 2, infos: 2 });
  });

  it('shows findings while the server runs', () => {
    const view = statusView('running', { errors: 1, warnings: 2, infos: 0 });
    assert.equal(view.text, 'CiOidcLint $(error) 1 $(warning) 2');
    assert.equal(view.tooltip, 'CiOidcLint: 1 error, 2 warnings. Click for the Problems view.');
    assert.equal(statusView('running', { errors: 0, warnings: 0, infos: 0 }).text, '$(pass) CiOidcLint');
  });

  it('shows the server state and why it failed', () => {
    assert.equal(statusView('starting', countFindings([])).text, '$(loading~spin) CiOidcLint');
    const failed = statusView('failed', countFindings([]), 'no .NET 10 runtime');
    assert.equal(failed.text, '$(error) CiOidcLint');
    assert.equal(failed.background, 'error');
    assert.match(failed.tooltip, /no \.NET 10 runtime/);
    assert.equal(statusView('stopped', countFindings([])).background, 'warning');
  });
});
