// "Lint workspace" runs the bundled server's own `check` command over each workspace folder
// (the same engine, composing the pipeline from .gitlab-ci.yml and its includes as GitLab
// does) and reads its compiler-style text output. No VS Code import: unit-tested under Node.

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface CliFinding {
  /** As printed: relative to the folder the check ran in, '/' or the platform's separator. */
  readonly path: string;
  /** 0-based, as VS Code counts. */
  readonly line: number;
  /** 0-based, in UTF-16 code units, as the CLI and VS Code count. */
  readonly character: number;
  readonly severity: FindingSeverity;
  readonly id: string;
  readonly message: string;
}

const findingLine = /^(.+?):(\d+):(\d+): (error|warning|info) (CIOL\d{3}) (.*)$/;

/** The findings in `cioidclint check --no-color` output; other lines (none are expected) are skipped. */
export function parseCheckOutput(stdout: string): CliFinding[] {
  const findings: CliFinding[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = findingLine.exec(line);
    if (!match) {
      continue;
    }

    findings.push({
      path: match[1],
      line: Math.max(0, Number(match[2]) - 1),
      character: Math.max(0, Number(match[3]) - 1),
      severity: match[4] as FindingSeverity,
      id: match[5],
      message: match[6],
    });
  }

  return findings;
}

/** The arguments after the server's path: every pipeline file in the folder, and what the root pipeline includes. */
export function checkArguments(): string[] {
  return ['check', '--no-color', '--severity-threshold', 'error', '.'];
}

/**
 * What an exit code of `cioidclint check` means: 0 and 1 both carry findings on stdout
 * (1 only says one reached the threshold); 2 is a usage or read error explained on stderr.
 */
export function checkSucceeded(exitCode: number | null): boolean {
  return exitCode === 0 || exitCode === 1;
}
