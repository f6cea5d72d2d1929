/**
 * How values leave the process (Redis, database, and objects kept by the local-memory cache):
 * MessagePack through `msgpackr`, the fastest well-kept codec we measured for small objects
 * (faster than JSON, and Date, Set, BigInt, typed arrays and undefined survive; a Map comes back
 * as a plain object, and a value with a cycle is refused, as JSON would). Safe integers are
 * written as decimal ASCII instead, as Django's Redis serializer writes ints, so Redis' INCRBY
 * works on them; the two cannot be confused, because a single-value MessagePack buffer that starts
 * with an ASCII digit is one byte long and a decimal integer never goes through MessagePack.
 */
import { Buffer } from 'node:buffer';
import { Packr } from 'msgpackr';
import { CacheValueTooLarge } from '../errors.js';

// Records (shared structures) would need every reader to hold the writer's structure table.
const packr = new Packr({ useRecords: false, moreTypes: true });

// msgpackr writes -0 as the integer 0, and the decimal form would too: MessagePack's float64 -0.0
// (0xcb, then the IEEE 754 bytes) keeps the sign.
const NEGATIVE_ZERO = Buffer.from([0xcb, 0x80, 0, 0, 0, 0, 0, 0, 0]);

function isDecimal(bytes: Uint8Array): boolean {
  const length = bytes.length;
  if (length === 0 || length > 21) return false;
  let i = bytes[0] === 0x2d ? 1 : 0;
  if (i === length) return false;
  for (; i < length; i += 1) {
    const byte = bytes[i]!;
    if (byte < 0x30 || byte > 0x39) return false;
  }
  // A lone digit byte is also a MessagePack fixint, but integers never take that route.
  return true;
}

/** The bytes stored for `value`; throws {@link CacheValueTooLarge} above `maxBytes`. */
export function encodeValue(value: unknown, maxBytes: number, key: string, alias: string): Buffer {
  const bytes = Object.is(value, -0)
    ? NEGATIVE_ZERO
    : typeof value === 'number' && Number.isSafeInteger(value)
      ? Buffer.from(String(value), 'latin1')
      : packr.pack(value);
  if (bytes.length > maxBytes) {
    throw new CacheValueTooLarge(
      `The value for the cache key '${key}' is ${bytes.length} bytes serialised, over the cache '${alias}' limit of ${maxBytes} bytes. Store less (or a reference to it), or raise maxValueBytes in that cache's options.`,
    );
  }
  return bytes;
}

/** The value stored as `bytes`. */
export function decodeValue(bytes: Uint8Array): unknown {
  if (isDecimal(bytes)) return Number(Buffer.from(bytes).toString('latin1'));
  return packr.unpack(bytes);
}
