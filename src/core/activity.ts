/** Schemes of documents that change without a person typing in them (logs, SCM views, debug consoles). */
const NON_CODING_SCHEMES = new Set(['output', 'git', 'debug', 'comment', 'vscode-scm', 'gitlens', 'pr', 'review', 'search-editor-body']);

/** `vscode-*` schemes that are still files a person edits. */
const EDITABLE_VSCODE_SCHEMES = new Set(['vscode-remote', 'vscode-userdata', 'vscode-vfs', 'vscode-notebook-cell', 'vscode-test-web']);

/** Whether a text change in a document with this URI scheme is someone coding. */
export function isCodingDocumentScheme(scheme: string): boolean {
  if (NON_CODING_SCHEMES.has(scheme)) return false;
  if (scheme.startsWith('vscode-') && !EDITABLE_VSCODE_SCHEMES.has(scheme)) return false;
  if (scheme.endsWith('-log') || scheme === 'log') return false;
  return true;
}
