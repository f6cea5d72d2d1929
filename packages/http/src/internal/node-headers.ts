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
 * Whether header name `key` equals lower-case `name` (of the same length) ignoring ASCII case,
 * without allocating. No `===` first: Node's header names are not internalized, so that would be
 * a call comparing the characters too, and clients send names capitalized (`Host`) as often as not.
 */
export function sameHeaderName(key: string, name: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const k = key.charCodeAt(i);
    const n = name.charCodeAt(i);
    if (k !== n && (n < 0x61 || n > 0x7a || k !== n - 0x20)) return false;
  }
  return true;
}

/**
 * The value of `name` (lower-case) in Node's raw header list, when it occurs exactly once;
 * `null` when it occurs more than once (Node's `headers` object has the rules for combining).
 */
export function findRawHeader(list: readonly string[], name: string): string | undefined | null {
  let found: string | undefined;
  for (let index = 0; index < list.length; index += 2) {
    const key = list[index]!;
    if (key.length !== name.length || !sameHeaderName(key, name)) continue;
    if (found !== undefined) return null;
    found = list[index + 1];
  }
  return found;
}

/** How many times `name` (lower-case) occurs in Node's raw header list. */
export function countRawHeader(list: readonly string[], name: string): number {
  let count = 0;
  for (let index = 0; index < list.length; index += 2) {
    const key = list[index]!;
    if (key.length === name.length && sameHeaderName(key, name)) count++;
  }
  return count;
}
