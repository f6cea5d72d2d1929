/** Short descriptions of arbitrary values, for error messages that quote what they got. */

/** Describe a value for an error message: its type, and the value itself when short. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (typeof value === 'function') return `the function ${value.name || '(anonymous)'}`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object')
    return `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- Python's str() of the value: its own toString
  return `${typeof value} ${String(value)}`;
}
