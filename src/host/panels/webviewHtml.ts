import vscode = require('vscode');

import { type ReduceMotion } from '../../shared/guards';

/** A fresh nonce for each page load, from the platform's secure random source (Node and web workers alike). */
export function nonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(18))));
}

/** Text for an HTML attribute value in double quotes. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface PageParts {
  readonly webview: vscode.Webview;
  readonly extensionUri: vscode.Uri;
  readonly title: string;
  /** Paths below the extension folder. */
  readonly script: string;
  readonly styles: readonly string[];
  /** JSON handed to the page in `data-upright` (escaped, never spliced into a script); VS Code's language bundle goes in `data-l10n`. */
  readonly data: unknown;
}

/**
 * A page under a strict CSP: nothing by default, styles and images only from the extension's own
 * folders, one script with this load's nonce. No inline styles, no network.
 */
export function pageHtml(parts: PageParts): string {
  const n = nonce();
  const { webview } = parts;
  const src = (p: string): string => webview.asWebviewUri(vscode.Uri.joinPath(parts.extensionUri, ...p.split('/'))).toString();
  const csp = [
    `default-src 'none'`,
    `img-src ${webview.cspSource}`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${n}'`,
  ].join('; ');
  const styles = parts.styles.map((s) => `<link rel="stylesheet" href="${escapeAttribute(src(s))}">`).join('');
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeAttribute(parts.title)}</title>
${styles}
</head>
<body data-upright="${escapeAttribute(JSON.stringify(parts.data))}" data-l10n="${escapeAttribute(JSON.stringify(vscode.l10n.bundle ?? null))}">
<noscript>${escapeAttribute(parts.title)}</noscript>
<script nonce="${n}" src="${escapeAttribute(src(parts.script))}"></script>
</body>
</html>`;
}

/** `workbench.reduceMotion`: 'auto' lets the page follow the operating system's preference. */
export function reduceMotionSetting(): ReduceMotion {
  const value = vscode.workspace.getConfiguration('workbench').get<unknown>('reduceMotion');
  return value === 'on' || value === 'off' ? value : 'auto';
}

/** Scripts on, command links off, and only the extension's own page folders readable. */
export function pageOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media'), vscode.Uri.joinPath(extensionUri, 'dist', 'webview')],
  };
}
