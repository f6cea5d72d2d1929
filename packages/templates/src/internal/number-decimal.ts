/**
 * Exact decimal arithmetic for the number filters: the exact value of a double (`decimalFromNumber`),
 * Python `Decimal(str)` parsing (`parseDecimal`), rounding to a number of places with
 * `ROUND_HALF_UP` or `ROUND_HALF_EVEN` (`quantize`), and fixed-point text (`decimalToFixed`).
 * Python formats and rounds floats on their exact binary value with half-even ties, which
 * `Number#toFixed` (ties away from zero) does not, so `%.1f`, `round()` and `floatformat` all go
 * through here.
 *
 * @module
 */

/** A finite decimal: `(-1)^negative × coefficient × 10^exponent`. */
export interface FiniteDecimal {
  readonly kind: 'finite';
  readonly negative: boolean;
  readonly coefficient: bigint;
  readonly exponent: number;
}

/** A decimal that is infinite or not a number. */
export interface SpecialDecimal {
  readonly kind: 'infinity' | 'nan';
  readonly negative: boolean;
}

/** A Python `Decimal` value. */
export type Decimal = FiniteDecimal | SpecialDecimal;

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

/** The exact decimal value of a double (every double is a finite decimal fraction). */
export function decimalFromNumber(value: number): Decimal {
  if (Number.isNaN(value)) return { kind: 'nan', negative: false };
  if (!Number.isFinite(value)) return { kind: 'infinity', negative: value < 0 };
  F64[0] = value;
  const bits = U64[0]!;
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & 0xfffffffffffffn;
  let mantissa = biased === 0 ? fraction : fraction | 0x10000000000000n;
  let exp2 = (biased === 0 ? 1 : biased) - 1075;
  if (mantissa === 0n) return { kind: 'finite', negative, coefficient: 0n, exponent: 0 };
  while (exp2 < 0 && (mantissa & 1n) === 0n) {
    mantissa >>= 1n;
    exp2 += 1;
  }
  if (exp2 >= 0)
    return { kind: 'finite', negative, coefficient: mantissa << BigInt(exp2), exponent: 0 };
  // m × 2^-k = m × 5^k × 10^-k.
  return { kind: 'finite', negative, coefficient: mantissa * 5n ** BigInt(-exp2), exponent: exp2 };
}

const DECIMAL_LITERAL = /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/;
const DECIMAL_SPECIAL = /^([+-]?)(inf|infinity|nan|snan)$/i;

/** Python `Decimal(text)`; `undefined` where Python raises `InvalidOperation`. */
export function parseDecimal(text: string): Decimal | undefined {
  const trimmed = text.trim().replace(/_/g, '');
  const match = DECIMAL_LITERAL.exec(trimmed);
  if (match) {
    const intPart = match[2] ?? '';
    const fracPart = match[3] ?? match[4] ?? '';
    const exponent = Number(match[5] ?? '0') - fracPart.length;
    return {
      kind: 'finite',
      negative: match[1] === '-',
      coefficient: BigInt(intPart + fracPart || '0'),
      exponent,
    };
  }
  const special = DECIMAL_SPECIAL.exec(trimmed);
  if (special) {
    const kind = special[2]!.toLowerCase().endsWith('nan') ? 'nan' : 'infinity';
    return { kind, negative: special[1] === '-' };
  }
  return undefined;
}

/** The number of digits in a coefficient (Python's `len(as_tuple().digits)`; 0 has one digit). */
export function digitCount(coefficient: bigint): number {
  return coefficient === 0n ? 1 : coefficient.toString().length;
}

/** Round a finite decimal to exponent `exponent` (e.g. -2 for two places). */
export function quantize(
  value: FiniteDecimal,
  exponent: number,
  rounding: 'half-up' | 'half-even',
): FiniteDecimal {
  if (value.exponent >= exponent) {
    return {
      ...value,
      coefficient: value.coefficient * 10n ** BigInt(value.exponent - exponent),
      exponent,
    };
  }
  const divisor = 10n ** BigInt(exponent - value.exponent);
  let quotient = value.coefficient / divisor;
  const remainder = value.coefficient % divisor;
  const twice = remainder * 2n;
  if (twice > divisor || (twice === divisor && (rounding === 'half-up' || quotient % 2n === 1n))) {
    quotient += 1n;
  }
  return { kind: 'finite', negative: value.negative, coefficient: quotient, exponent };
}

/** Fixed-point digits of a finite decimal with exactly `places` decimals (no sign). */
export function decimalToFixed(value: FiniteDecimal, places: number): string {
  const q = quantize(value, -places, 'half-even');
  const digits = q.coefficient.toString().padStart(places + 1, '0');
  return places > 0 ? `${digits.slice(0, -places)}.${digits.slice(-places)}` : digits;
}

/** Python `round(x, ndigits)` for a float: half-even on the exact binary value. */
export function pyRound(value: number, ndigits: number): number {
  const dec = decimalFromNumber(value);
  if (dec.kind !== 'finite') return value;
  const q = quantize(dec, -ndigits, 'half-even');
  const text = `${q.negative ? '-' : ''}${q.coefficient}e${q.exponent}`;
  return Number(text);
}
