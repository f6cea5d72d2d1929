/**
 * Python's `int(text)` for page numbers, which Django applies to `?page=` values: surrounding
 * whitespace is ignored, a sign is allowed, and single underscores may separate digits
 * (`'1_0'` is 10). Only ASCII digits are accepted (Python also takes other Unicode decimal digits).
 */
const PYTHON_INT = /^\s*([+-]?)(\d+(?:_\d+)*)\s*$/;

/** The integer `text` denotes under Python's `int()`, or `undefined` when Python would raise. */
export function parsePythonInt(text: string): bigint | undefined {
  const match = PYTHON_INT.exec(text);
  if (!match) return undefined;
  const magnitude = BigInt(match[2]!.replaceAll('_', ''));
  return match[1] === '-' ? -magnitude : magnitude;
}

/** `value` as a JavaScript number when it is an integer (number, bigint or Python-int string). */
export function toInteger(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) ? value : undefined;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string') {
    const parsed = parsePythonInt(value);
    return parsed === undefined ? undefined : Number(parsed);
  }
  return undefined;
}
