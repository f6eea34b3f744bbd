// Which files the extension lints, from the built-in names and the cioidclint.files setting.
// No VS Code import: the unit tests run this under plain Node.

/**
 * The pipeline files GitLab and common layouts use; always linted. The engine decides this
 * (RepositoryScope.DefaultPipelineGlobs); a test of the .NET suite holds this copy to it, since
 * the extension needs the list before the server runs, to know whether to start it.
 */
export const defaultPipelineGlobs: readonly string[] = [
  '**/.gitlab-ci.yml',
  '**/.gitlab-ci.yaml',
  '**/*.gitlab-ci.yml',
  '**/*.gitlab-ci.yaml',
  '**/.gitlab/ci/**/*.yml',
  '**/.gitlab/ci/**/*.yaml',
];

/**
 * The globs of the documents the client hands to the server: the defaults, then the setting's
 * patterns cleaned up. The server reads the setting itself, from the repository root; here a
 * document filter's pattern is matched against the whole path of the file, so a pattern that
 * is not anchored (`ci/*.yml`) gets a leading `**` + `/`. That selects a few more documents
 * than the server lints (`sub/ci/x.yml` too), which costs nothing: the server decides.
 * Values that are not strings, and empty ones, are dropped rather than failing activation on a
 * hand-edited settings file.
 */
export function pipelineGlobs(extra: unknown): string[] {
  const globs = [...defaultPipelineGlobs];
  if (!Array.isArray(extra)) {
    return globs;
  }

  for (const value of extra) {
    if (typeof value !== 'string') {
      continue;
    }

    let glob = value.trim().replace(/\\/g, '/');
    if (glob.startsWith('./')) {
      glob = glob.slice(2);
    }

    if (!glob) {
      continue;
    }

    if (!glob.startsWith('**/') && !glob.startsWith('/') && !/^[A-Za-z]:\//.test(glob)) {
      glob = `**/${glob}`;
    }

    if (!globs.includes(glob)) {
      globs.push(glob);
    }
  }

  return globs;
}

/** A document filter, shaped as VS Code's and the language client's DocumentFilter. */
export interface PipelineDocumentFilter {
  readonly scheme: 'file';
  readonly pattern: string;
}

/**
 * Files on disk matching the globs, whatever language another extension gave them (a
 * `.gitlab-ci.yml` may be `yaml` or a GitLab extension's own id); the server reads the
 * pipeline's other files from disk, so unsaved untitled buffers are not pipelines.
 */
export function documentSelector(globs: readonly string[]): PipelineDocumentFilter[] {
  return globs.map((pattern) => ({ scheme: 'file', pattern }));
}
