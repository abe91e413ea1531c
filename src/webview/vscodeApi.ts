import { type ReduceMotion } from '../shared/guards';
import { bundleTranslator, useTranslator } from '../shared/l10n';

/** What VS Code gives a webview page: messages to the host and a little state that survives hiding and reloads. */
export interface VsCodeApi<State> {
  postMessage(message: unknown): void;
  getState(): State | undefined;
  setState(state: State): void;
}

/** The language bundle the host put in `data-l10n` (absent in English); anything but strings is ignored. */
function handedBundle(): Record<string, string> | undefined {
  try {
    const parsed = JSON.parse(document.body.dataset.l10n ?? 'null') as unknown;
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  } catch {
    return undefined;
  }
}

// Installed when this module loads, so before any page module builds its text. The page's `lang` is
// VS Code's display language, which the text is in only when a bundle came with it.
const bundle = handedBundle();
useTranslator(bundleTranslator(bundle), bundle ? document.documentElement.lang : undefined);

declare function acquireVsCodeApi<State>(): VsCodeApi<State>;

export function vscodeApi<State>(): VsCodeApi<State> {
  return acquireVsCodeApi<State>();
}

/** Elements made with text content only: user and library text is never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; attrs?: Record<string, string> } = {},
  ...children: (Node | null)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  for (const child of children) if (child) node.append(child);
  return node;
}

/** Whether pictures should stand still: the VS Code setting, or the OS preference when it says 'auto'. */
export function prefersStill(setting: ReduceMotion): boolean {
  if (setting === 'on') return true;
  if (setting === 'off') return false;
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
