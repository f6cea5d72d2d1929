/**
 * `SignatureExpired` (Django's): a signature that verifies but is older than the `maxAge` asked
 * for. A subclass of `BadSignature`, so code that rejects bad signatures rejects old ones too.
 *
 * @module
 */
import { defineBrand } from '../brand.js';
import { brandClass } from '../reins-error.js';
import { BadSignature } from './bad-signature.js';

/**
 * Thrown by `TimestampSigner.unsign()`/`loads()` when the value was signed more than `maxAge`
 * seconds ago (Django's message: `Signature age 10.5 > 10 seconds`).
 *
 * @example
 * try { loads(token, { key, maxAge: 3600 }); } catch (error) { if (SignatureExpired.isInstance(error)) askToLogInAgain(); }
 */
export class SignatureExpired extends BadSignature {
  static override readonly brand: symbol = defineBrand('signing.SignatureExpired');
  override readonly code: string = 'signing.signature_expired';
}
brandClass(SignatureExpired);
