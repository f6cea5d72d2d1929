/**
 * Django's `TimestampSigner`: `value:timestamp:signature`, the timestamp in base62 seconds, so
 * `unsign()` can refuse values older than a `maxAge`.
 *
 * @module
 */
import { BadSignature } from './bad-signature.js';
import { b62Decode, b62Encode } from './base62.js';
import { pythonFloatRepr, pythonNumberRepr } from './internal/python-float.js';
import { SignatureExpired } from './signature-expired.js';
import { Signer, type UnsignObjectOptions } from './signer.js';

let lastSecond = Number.NaN;
let lastText = '';

/** A maximum age: seconds, or a duration with `seconds` (Django also takes a `timedelta`). */
export type MaxAge = number | { readonly seconds: number };

/** Options of `TimestampSigner.unsign()`. */
export interface TimestampUnsignOptions {
  /** Refuse (with `SignatureExpired`) a value signed longer ago than this. Default: any age. */
  maxAge?: MaxAge | null | undefined;
}

/**
 * A `Signer` that also signs the time (Django's `django.core.signing.TimestampSigner`).
 *
 * @example
 * const signer = new TimestampSigner({ key: settings.secretKey, salt: 'password-reset' });
 * const token = signer.sign('42');
 * signer.unsign(token, { maxAge: 3600 }); // '42', or SignatureExpired after an hour
 */
export class TimestampSigner extends Signer {
  protected static override readonly defaultSalt: string = 'django.core.signing.TimestampSigner';

  /**
   * The current time as Django writes it: whole seconds since the epoch, in base62.
   *
   * @example
   * signer.timestamp(); // '1r31eq' at 2023-11-14T22:13:20Z
   */
  timestamp(): string {
    const seconds = Math.floor(Date.now() / 1000);
    // Every value signed within the same second carries the same text.
    if (seconds !== lastSecond) {
      lastText = b62Encode(seconds);
      lastSecond = seconds;
    }
    return lastText;
  }

  /**
   * `value`, the separator, the timestamp and the signature of both.
   *
   * @example
   * signer.sign('hello'); // 'hello:1r31eq:…'
   */
  override sign(value: string): string {
    return super.sign(`${value}${this.sep}${this.timestamp()}`);
  }

  /**
   * The value, after checking its signature and, with `maxAge`, its age.
   *
   * @throws {BadSignature} when the signature does not match.
   * @throws {SignatureExpired} when it is older than `maxAge` seconds.
   * @example
   * signer.unsign(token, { maxAge: 60 * 60 * 24 });
   */
  override unsign(signedValue: string, options: TimestampUnsignOptions = {}): string {
    const result = super.unsign(signedValue);
    const at = result.lastIndexOf(this.sep);
    // Only a value signed with this key and salt by a plain Signer gets here (Django then
    // fails with a ValueError while unpacking).
    if (at === -1) {
      throw new BadSignature(
        `No timestamp found in value: it was signed by a Signer, not a TimestampSigner, with the same salt.`,
      );
    }
    const value = result.slice(0, at);
    let timestamp: number;
    try {
      timestamp = b62Decode(result.slice(at + this.sep.length));
    } catch (error) {
      throw new BadSignature(`The timestamp of the signed value is not base62.`, { cause: error });
    }
    const maxAge = options.maxAge ?? null;
    if (maxAge !== null) {
      const seconds = typeof maxAge === 'number' ? maxAge : maxAge.seconds;
      const age = Date.now() / 1000 - timestamp;
      if (age > seconds) {
        // Python prints a timedelta's total_seconds() as a float, a plain number as given.
        const limit =
          typeof maxAge === 'number' ? pythonNumberRepr(maxAge) : pythonFloatRepr(seconds);
        throw new SignatureExpired(`Signature age ${pythonFloatRepr(age)} > ${limit} seconds`);
      }
    }
    return value;
  }

  /**
   * The value `signObject()` signed, after checking the signature and, with `maxAge`, its age.
   *
   * @throws {BadSignature} when the signature does not match.
   * @throws {SignatureExpired} when it is older than `maxAge` seconds.
   * @example
   * signer.unsignObject(token, { maxAge: 3600 });
   */
  override unsignObject(
    signedObject: string,
    options: UnsignObjectOptions & TimestampUnsignOptions = {},
  ): unknown {
    return this.decodeObject(this.unsign(signedObject, options), options.serializer);
  }
}
