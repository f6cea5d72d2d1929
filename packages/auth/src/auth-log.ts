/**
 * The operator's log line for a refused login: the client always sees the same answer (no user
 * enumeration), the log says why. Written to stderr as `reins.auth` warnings; tests and projects
 * replace the sink with `setAuthLogSink`.
 *
 * @module
 */
let sink: (line: string) => void = (line) => process.emitWarning(line, { type: 'reins.auth' });

/**
 * Log why the login of `username` failed (backends call it; the client's answer never says).
 *
 * @example
 * logAuthFailure('demo', 'wrong password');
 */
export function logAuthFailure(username: string, reason: string): void {
  sink(`Login failed for username ${JSON.stringify(username.slice(0, 150))}: ${reason}.`);
}

/**
 * Replace where auth log lines go (default: a `reins.auth` process warning on stderr); returns the previous sink.
 *
 * @example
 * setAuthLogSink((line) => logger.warn(line));
 */
export function setAuthLogSink(next: (line: string) => void): (line: string) => void {
  const previous = sink;
  sink = next;
  return previous;
}
