/**
 * A header a middleware adds with a value fixed at start-up (SecurityMiddleware's and
 * XFrameOptionsMiddleware's): its name is lower-cased and its value checked once, so each
 * response pays one scan of its header list and one append — not a name lookup, a value check
 * and a second scan per header (measured: ~30 % of these middleware's per-request CPU).
 */
import { ResponseHeaders, type ResponseHeaders as Headers } from '@reins/http';

export interface ConstantHeader {
  readonly name: string;
  /** Interned, as the header list's other names are, so the scan compares pointers. */
  readonly lower: string;
  /** As `ResponseHeaders` stores it (a value outside Latin-1 is MIME-encoded). */
  readonly value: string;
  /** False when the name or value is refused: then every response sets it the checked way and
   * gets Django's `BadHeaderError`, as Django raises it per response, not at start-up. */
  readonly checked: boolean;
}

export function constantHeader(name: string, value: string): ConstantHeader {
  const lower = Object.keys({ [name.toLowerCase()]: 0 })[0]!;
  try {
    const stored = new ResponseHeaders().set(name, value).get(name)!;
    return { name, lower, value: stored, checked: true };
  } catch {
    return { name, lower, value, checked: false };
  }
}

/** Whether `headers` has `header` (any case). */
export function hasHeader(headers: Headers, header: ConstantHeader): boolean {
  return headers.getLower(header.lower) !== undefined;
}

/** Set `header` unless the response already has it (a view's own value wins, as in Django). */
export function setDefaultHeader(headers: Headers, header: ConstantHeader): void {
  if (headers.getLower(header.lower) !== undefined) return;
  if (header.checked) headers.setTrusted(header.name, header.lower, header.value);
  else headers.set(header.name, header.value);
}
