// "Lint workspace" runs the bundled server's own `check` command over each workspace folder
// (the same engine, composing the pipeline from .gitlab-ci.yml and its includes as GitLab
// does) and reads its JSON report (schemas/cioidclint-report.schema.json). No VS Code import:
// unit-tested under Node.

import * as path from 'node:path';

export type FindingSeverity = 'error' | 'warning' | 'info';

/** A position as VS Code counts: 0-based line, UTF-16 code units. */
export interface CliPosition {
  readonly line: number;
  readonly character: number;
}

export interface CliFinding {
  /** Relative to the repository root, with '/' separators. */
  readonly path: string;
  readonly start: CliPosition;
  /** Just after the flagged text. */
  readonly end: CliPosition;
  readonly severity: FindingSeverity;
  readonly id: string;
  readonly message: string;
  readonly helpUri?: string;
}

/**
 * The findings of a `cioidclint check --format json` report. Throws when the output is not such
 * a report (the caller shows that as a failure rather than an empty result); findings missing a
 * field it needs are skipped.
 */
export function parseCheckReport(stdout: string): CliFinding[] {
  const report: unknown = JSON.parse(stdout);
  if (!isObject(report) || !Array.isArray(report.findings)) {
    throw new Error('the output of cioidclint check is not its JSON report');
  }

  const findings: CliFinding[] = [];
  for (const item of report.findings) {
    if (!isObject(item)) continue;
    const start = position(item.start);
    const end = position(item.end) ?? start;
    const { path: file, ruleId, message, severity, helpUri } = item;
    if (typeof file !== 'string' || typeof ruleId !== 'string' || typeof message !== 'string' || !start || !end) continue;
    findings.push({
      path: file,
      start,
      end,
      severity: severity === 'error' || severity === 'warning' ? severity : 'info',
      id: ruleId,
      message,
      ...(typeof helpUri === 'string' ? { helpUri } : {}),
    });
  }

  return findings;
}

/** The arguments after the server's path: every pipeline file in the folder, and what the root pipeline includes. */
export function checkArguments(): string[] {
  return ['check', '--format', 'json', '--severity-threshold', 'error', '.'];
}

/**
 * The folder the report's paths are relative to: the nearest one at or above `start` holding
 * `.git` (a folder, or a file in worktrees and submodules), else `start` — as the CLI finds it.
 */
export function repositoryRoot(start: string, hasGit: (folder: string) => boolean): string {
  for (let folder = path.resolve(start); ; folder = path.dirname(folder)) {
    if (hasGit(folder)) return folder;
    if (path.dirname(folder) === folder) return path.resolve(start);
  }
}

function position(value: unknown): CliPosition | undefined {
  if (!isObject(value) || typeof value.line !== 'number' || typeof value.column !== 'number') return undefined;
  // The report counts from 1.
  return { line: Math.max(0, value.line - 1), character: Math.max(0, value.column - 1) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What an exit code of `cioidclint check` means: 0 and 1 both carry findings on stdout
 * (1 only says one reached the threshold); 2 is a usage or read error explained on stderr.
 */
export function checkSucceeded(exitCode: number | null): boolean {
  return exitCode === 0 || exitCode === 1;
}
