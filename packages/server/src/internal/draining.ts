/**
 * Whether this process has begun a graceful shutdown (SIGTERM): the readiness view answers 503
 * from then on. Process-wide on purpose — a signal stops every server of the process.
 */
let draining = false;

/** Mark the process as draining. */
export function markDraining(): void {
  draining = true;
}

/** Whether the process is draining. */
export function isDraining(): boolean {
  return draining;
}
