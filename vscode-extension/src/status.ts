// The status-bar item's text: the server's state and the findings it reports.
// No VS Code import: unit-tested under Node.

export type ServerState = 'idle' | 'starting' | 'running' | 'stopped' | 'failed';

export interface FindingCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export interface StatusView {
  readonly text: string;
  readonly tooltip: string;
  /** 'error' and 'warning' map to the status bar's error and warning backgrounds. */
  readonly background: 'error' | 'warning' | undefined;
}

/** VS Code's DiagnosticSeverity numbering: Error 0, Warning 1, Information 2, Hint 3. */
export function countFindings(severities: Iterable<number>): FindingCounts {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const severity of severities) {
    if (severity === 0) errors++;
    else if (severity === 1) warnings++;
    else infos++;
  }

  return { errors, warnings, infos };
}

export function statusView(state: ServerState, counts: FindingCounts, detail?: string): StatusView {
  const name = 'CiOidcLint';
  switch (state) {
    case 'idle':
      return { text: `$(circle-outline) ${name}`, tooltip: `${name}: starts when a pipeline file opens`, background: undefined };
    case 'starting':
      return { text: `$(loading~spin) ${name}`, tooltip: `${name}: starting the language server`, background: undefined };
    case 'stopped':
      return { text: `$(circle-slash) ${name}`, tooltip: `${name}: the language server stopped${detail ? ` (${detail})` : ''}. Click for its output.`, background: 'warning' };
    case 'failed':
      return { text: `$(error) ${name}`, tooltip: `${name}: ${detail ?? 'the language server cannot start'}. Click for details.`, background: 'error' };
    case 'running': {
      const total = counts.errors + counts.warnings + counts.infos;
      if (total === 0) {
        return { text: `$(pass) ${name}`, tooltip: `${name}: no findings in the open pipeline files`, background: undefined };
      }

      const parts: string[] = [];
      if (counts.errors) parts.push(`$(error) ${counts.errors}`);
      if (counts.warnings) parts.push(`$(warning) ${counts.warnings}`);
      if (counts.infos) parts.push(`$(info) ${counts.infos}`);
      const words = [
        counts.errors ? plural(counts.errors, 'error') : '',
        counts.warnings ? plural(counts.warnings, 'warning') : '',
        counts.infos ? plural(counts.infos, 'info finding') : '',
      ].filter(Boolean).join(', ');
      return { text: `${name} ${parts.join(' ')}`, tooltip: `${name}: ${words}. Click for the Problems view.`, background: undefined };
    }
  }
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
