/**
 * Thrown inside the hashers for a stored hash that does not parse; `checkPassword` turns it into
 * `false` after the timing-equalising work, as Django treats an unidentifiable hash.
 */
export class MalformedHash extends Error {
  constructor(algorithm: string, reason: string) {
    super(`The stored ${algorithm} password hash is malformed: ${reason}.`);
    this.name = 'MalformedHash';
  }
}

/** Split `encoded` on `$` into exactly `count` fields, the last one keeping any further `$`. */
export function splitFields(encoded: string, count: number, algorithm: string): string[] {
  const parts = encoded.split('$');
  if (parts.length < count)
    throw new MalformedHash(algorithm, `expected ${count} '$'-separated fields`);
  return [...parts.slice(0, count - 1), parts.slice(count - 1).join('$')];
}

/** A positive decimal integer field, or a {@link MalformedHash}. */
export function positiveInt(text: string, algorithm: string, field: string): number {
  if (!/^[0-9]{1,10}$/.test(text) || Number(text) === 0) {
    throw new MalformedHash(algorithm, `${field} is not a positive integer`);
  }
  return Number(text);
}
