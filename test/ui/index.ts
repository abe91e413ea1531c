/**
 * The extension-tests entry of a workbench whose clock a UI test holds (`clockAtWallMs` in the harness):
 * its presence puts Upright in test mode, with the manual clock; it runs nothing and never ends, so
 * the workbench stays open for the browser to drive.
 */
export function run(): Promise<void> {
  return new Promise<void>(() => undefined);
}
