/**
 * `BadSignature` (Django's `django.core.signing.BadSignature`): a signed value that does not
 * verify — tampered, signed with another key or salt, or cut short.
 *
 * @module
 */
import { defineBrand } from '../brand.js';
import { brandClass, ReinsError } from '../reins-error.js';

/**
 * Thrown by `unsign()`/`loads()` when the signature does not match; the message is Django's
 * (`Signature "…" does not match`, `No ":" found in value`).
 *
 * @example
 * try { signer.unsign(cookie); } catch (error) { if (BadSignature.isInstance(error)) return null; throw error; }
 */
export class BadSignature extends ReinsError {
  static override readonly brand: symbol = defineBrand('signing.BadSignature');
  override readonly code: string = 'signing.bad_signature';
}
brandClass(BadSignature);
