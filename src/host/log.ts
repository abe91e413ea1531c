import vscode = require('vscode');

/** The one "Upright" output channel, as a log (levels, timestamps, the user's chosen log level). */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Upright', { log: true });
}
