// Where the effective-job view lives: a read-only virtual document whose URI carries the
// pipeline file and the job. No VS Code import: the unit tests run this under plain Node.

/** The scheme of the read-only documents that show jobs as GitLab composes them. */
export const effectiveScheme = 'cioidclint-effective';

/** The server's command (EffectiveJobCommand): [uri] or [uri, job] in, the effective YAML out. */
export const showEffectiveJobCommand = 'cioidclint.showEffectiveJob';

/** What an effective-job document shows: the jobs of `source`'s pipeline, or one of them. */
export interface EffectiveTarget {
  readonly source: string;
  readonly job?: string;
}

/**
 * The path and query of the view's URI. The path is what the tab shows
 * (`deploy (effective).yml`, or the file's name for a whole pipeline) and
 * ends in `.yml` so the editor colours it as YAML; the query holds the exact source and job.
 */
export function effectiveUriParts(target: EffectiveTarget): { path: string; query: string } {
  const base = target.job ?? decodeURIComponent(target.source.replace(/[?#].*$/, '').split('/').pop() ?? 'pipeline');
  // A job name may hold "/" or other characters a path cannot: only the label is cleaned.
  const label = base.replace(/[\\/:*?"<>|#%]/g, '_');
  const query = new URLSearchParams(target.job === undefined ? { source: target.source } : { source: target.source, job: target.job });
  return { path: `/${label} (effective).yml`, query: query.toString() };
}

/** The target back from a view's query; undefined when it is not one of ours. */
export function parseEffectiveQuery(query: string): EffectiveTarget | undefined {
  const params = new URLSearchParams(query);
  const source = params.get('source');
  if (!source) return undefined;
  const job = params.get('job');
  return job === null ? { source } : { source, job };
}

/** The arguments of a code lens's command, checked: [uri] or [uri, job], all strings. */
export function targetFromArguments(args: readonly unknown[]): EffectiveTarget | undefined {
  if (args.length < 1 || args.length > 2 || !args.every((a) => typeof a === 'string')) return undefined;
  const [source, job] = args as string[];
  return job === undefined ? { source } : { source, job };
}
