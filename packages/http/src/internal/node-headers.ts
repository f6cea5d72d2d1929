import type { RawHeaders } from '../http-headers.js';

/**
 * Where the Node adapter's headers come from: Node's `IncomingMessage`, whose `headers` object
 * Node builds on first access. The hot path (Host, body presence) reads `rawHeaders` instead, so
 * most requests never build it.
 */
export interface NodeHeaderSource {
  readonly rawHeaders: readonly string[];
  readonly headers: RawHeaders;
}

/**
 * The value of `name` (lower-case) in Node's raw header list, when it occurs exactly once;
 * `null` when it occurs more than once (Node's `headers` object has the rules for combining).
 */
export function findRawHeader(list: readonly string[], name: string): string | undefined | null {
  let found: string | undefined;
  for (let index = 0; index < list.length; index += 2) {
    const key = list[index]!;
    if (key.length !== name.length || (key !== name && key.toLowerCase() !== name)) continue;
    if (found !== undefined) return null;
    found = list[index + 1];
  }
  return found;
}
