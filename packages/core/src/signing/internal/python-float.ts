/**
 * Python's `repr(float)`: the shortest digits that round-trip (the same digits JavaScript
 * picks), laid out Python's way — exponent form below 1e-4 and from 1e16 with at least two
 * exponent digits (`1e-05`, `1.5e+300`), and `.0` on integral values.
 */
export function pythonFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  // toExponential() without an argument gives the shortest round-tripping digits.
  const text = value.toExponential();
  const e = text.indexOf('e');
  let mantissa = text.slice(0, e);
  const exponent = Number(text.slice(e + 1));
  const sign = mantissa.startsWith('-') ? '-' : '';
  if (sign) mantissa = mantissa.slice(1);
  const digits = mantissa.replace('.', '');
  if (exponent < -4 || exponent >= 16) {
    const size = Math.abs(exponent);
    return `${sign}${mantissa}e${exponent < 0 ? '-' : '+'}${size < 10 ? '0' : ''}${size}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  if (digits.length <= exponent + 1) {
    return `${sign}${digits}${'0'.repeat(exponent + 1 - digits.length)}.0`;
  }
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`;
}

/**
 * A number as Python prints it when it came from JavaScript: a safe integer as a Python `int`
 * (`10`), anything else as a Python `float` (`10.5`, `1e+16`).
 */
export function pythonNumberRepr(value: number): string {
  return Number.isSafeInteger(value) ? String(value) : pythonFloatRepr(value);
}
