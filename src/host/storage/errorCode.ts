/** The `code` of a file-system error (`ENOENT`, `EACCES`…), if it has one. No Node here: the browser entry uses it too. */
export function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}
