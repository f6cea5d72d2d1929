/**
 * Django's `b64_encode`/`b64_decode`: URL-safe base64 without `=` padding, as every signed value
 * carries it.
 *
 * @module
 */
import { Buffer } from 'node:buffer';

/**
 * Encode bytes as URL-safe base64 with the padding stripped (Django's `signing.b64_encode`).
 *
 * @example
 * b64Encode(new TextEncoder().encode('hi')); // 'aGk'
 */
export function b64Encode(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64url');
}

/**
 * Decode URL-safe base64 with or without padding (Django's `signing.b64_decode`).
 *
 * @example
 * new TextDecoder().decode(b64Decode('aGk')); // 'hi'
 */
export function b64Decode(text: string): Buffer {
  return Buffer.from(text, 'base64url');
}
