// Which documents the extension hands to the language server. No VS Code import: the unit
// tests run this under plain Node.
//
// Which of them are pipelines is the server's decision, not the extension's: it registers
// didOpen/didChange/didSave/didClose for GitLab's pipeline names and the cioidclint.files
// globs (DocumentSync on the server), and registers again when the setting changes. The
// extension only starts the server once a YAML file on disk is open, and points the other
// features (hover, code lens, completion, actions) at YAML files on disk: included files may
// have any name.

/** A document filter, shaped as VS Code's and the language client's DocumentFilter. */
export interface YamlDocumentFilter {
  readonly scheme: 'file';
  readonly pattern: string;
}

/** YAML files on disk, whatever language another extension gave them; untitled buffers are not pipelines. */
export const yamlDocumentSelector: readonly YamlDocumentFilter[] = [{ scheme: 'file', pattern: '**/*.{yml,yaml}' }];

/** Whether a path names a YAML file (the server decides whether it is a pipeline). */
export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}
