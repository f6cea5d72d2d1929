/**
 * Whether the server colours what it writes to a stream (the access log): `FORCE_COLOR` first
 * (`0`/`false` off; empty, `1`–`3` or `true` on — Node's and supports-color's reading), then
 * `NO_COLOR` (any non-empty value turns colour off, no-color.org), then a TTY that is not
 * `TERM=dumb` (Django's `supports_color` asks `isatty()`).
 */

/**
 * Whether to write ANSI colours to `stream`.
 *
 * @example
 * const colour = shouldColor(process.stderr); // false under NO_COLOR=1 or when piped
 */
export function shouldColor(
  stream: { readonly isTTY?: boolean },
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  const force = env['FORCE_COLOR'];
  if (force !== undefined) {
    const value = force.trim().toLowerCase();
    if (value === '0' || value === 'false') return false;
    if (value === '' || value === '1' || value === '2' || value === '3' || value === 'true')
      return true;
  }
  const noColor = env['NO_COLOR'];
  if (noColor !== undefined && noColor !== '') return false;
  return stream.isTTY === true && env['TERM'] !== 'dumb';
}
