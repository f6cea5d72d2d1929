/**
 * Django's `constant_time_compare`: equality of two strings that does not reveal, through its
 * timing, how many leading bytes matched.
 *
 * @module
 */
import { Buffer } from 'node:buffer';
import { timingSafeEqual } from 'node:crypto';

/**
 * Whether `a` and `b` are equal (compared as UTF-8 bytes, in time independent of their content).
 * Like Python's `secrets.compare_digest`, a length difference returns `false` at once.
 *
 * @example
 * constantTimeCompare(givenSignature, expectedSignature);
 */
export function constantTimeCompare(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
