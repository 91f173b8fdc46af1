/** Builds dist/: tsc over src/, the run-time assets, the studio's browser bundle. */
export function buildPackage(): Promise<void>
