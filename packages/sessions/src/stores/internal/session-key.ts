// Django's `_validate_session_key` asks for 8 characters at least; the `django_session` column
// holds 40. A key outside that, or with control or non-ASCII characters, can never have been
// saved, so it is answered without a round trip (PostgreSQL would also reject a NUL byte).
const PLAUSIBLE_KEY = /^[\x21-\x7e]{8,40}$/;

/** Whether `key` could be a key a store handed out. */
export function isPlausibleSessionKey(key: string | null): key is string {
  return key !== null && PLAUSIBLE_KEY.test(key);
}

/** How many fresh keys `save(…, { mustCreate })` tries before it gives up. */
export const MAX_CREATE_ATTEMPTS = 100;
