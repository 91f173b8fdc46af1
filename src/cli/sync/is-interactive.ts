/** Prompts need someone at a terminal on both ends; under CI or a pipe they would hang. */
export function isInteractive(): boolean {
  return Boolean(process.stdin.isTTY && process.stdout.isTTY)
}
