/** Builds dist/: tsc over src/, the run-time assets, the studio's browser bundle. */
export function buildPackage(): Promise<void>
/** Builds when dist/ is missing or older than a source file; true when it built. */
export function buildIfStale(): Promise<boolean>
