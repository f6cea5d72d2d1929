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
function sameHeaderName(key: string, name: string): boolean {
  for (let i = 0; i < key.length; i++) {
    const k = key.charCodeAt(i);
    const n = name.charCodeAt(i);
    if (k !== n && (n < 0x61 || n > 0x7a || k !== n - 0x20)) return false;
  }
  return true;
}

/** What {@link scanRawHeaders} found in the raw list it read last. */
interface RawScan {
  list: readonly string[] | null;
  /** How many Host headers; the value when there is exactly one. */
  hosts: number;
  host: string | undefined;
  /** The first Content-Length value, and whether there are more. */
  length: string | undefined;
  lengthRepeated: boolean;
  chunked: boolean;
}

// One object, filled in place: the adapter reads it right after the scan, so nothing is allocated.
const scan: RawScan = {
  list: null,
  hosts: 0,
  host: undefined,
  length: undefined,
  lengthRepeated: false,
  chunked: false,
};

/**
 * Read Node's raw header list once for what every request needs — its Host headers (refused when
 * repeated, then validated) and whether a body follows — instead of one pass per question
 * (each pass was ~15 ns of a ~250 ns request, in process). The list scanned last is remembered
 * (Node makes a new one per request), so asking again about the same request costs no pass.
 */
export function scanRawHeaders(list: readonly string[]): RawScan {
  if (list === scan.list) return scan;
  let hosts = 0;
  let host: string | undefined;
  let length: string | undefined;
  let lengthRepeated = false;
  let chunked = false;
  for (let index = 0; index < list.length; index += 2) {
    const key = list[index]!;
    // Only names of the three lengths that matter are compared.
    if (key.length === 4) {
      if (sameHeaderName(key, 'host')) {
        hosts++;
        host = list[index + 1];
      }
    } else if (key.length === 17) {
      if (sameHeaderName(key, 'transfer-encoding')) chunked = true;
    } else if (key.length === 14 && sameHeaderName(key, 'content-length')) {
      if (length !== undefined) lengthRepeated = true;
      else length = list[index + 1];
    }
  }
  scan.list = list;
  scan.hosts = hosts;
  scan.host = hosts === 1 ? host : undefined;
  scan.length = length;
  scan.lengthRepeated = lengthRepeated;
  scan.chunked = chunked;
  return scan;
}

/**
 * The value of `name` (lower-case) in Node's raw header list, when it occurs exactly once;
 * `null` when it occurs more than once (Node's `headers` object has the rules for combining).
 */
export function findRawHeader(list: readonly string[], name: string): string | undefined | null {
  if (name === 'host') {
    const { hosts, host } = scanRawHeaders(list);
    return hosts > 1 ? null : host;
  }
  let found: string | undefined;
  for (let index = 0; index < list.length; index += 2) {
    const key = list[index]!;
    if (key.length !== name.length || !sameHeaderName(key, name)) continue;
    if (found !== undefined) return null;
    found = list[index + 1];
  }
  return found;
}
