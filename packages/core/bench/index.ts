/**
 * `pnpm bench`: Django's signing against the HMAC-SHA256 cookie signing Express uses
 * (`cookie-signature`), in the same process. Each group's floor is the peer doing the same work
 * (HMAC-SHA256 over the value, base64, constant-time check); the ratio is what Django's format
 * costs on top: a salted key, the base62 timestamp, URL-safe base64, and on a bad signature the
 * legacy SHA-1 check Django 3.2 still makes.
 */
import { benchGroups } from '@reins/bench-tools';
import * as cookieSignature from 'cookie-signature';
import { dumps, loads, Signer, TimestampSigner } from '../src/signing/index.js';

const KEY = 'django-insecure-0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdef';
const VALUE = 'a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6'; // a session key's size
const SESSION = {
  _auth_user_id: '42',
  _auth_user_backend: 'auth.backends.ModelBackend',
  cart: [1, 2, 3],
};

const signer = new Signer({ key: KEY, salt: 'bench' });
const timestampSigner = new TimestampSigner({ key: KEY, salt: 'bench' });
const strictSigner = new Signer({ key: KEY, salt: 'bench', legacyAlgorithm: null });

const peerSigned = cookieSignature.sign(VALUE, KEY);
const signed = signer.sign(VALUE);
const timestamped = timestampSigner.sign(VALUE);
const peerTampered = peerSigned.slice(0, -1) + (peerSigned.endsWith('A') ? 'B' : 'A');
const tampered = signed.slice(0, -1) + (signed.endsWith('A') ? 'B' : 'A');
const peerSession = cookieSignature.sign(
  Buffer.from(JSON.stringify(SESSION)).toString('base64url'),
  KEY,
);
const session = dumps(SESSION, { key: KEY });

function refused(fn: () => unknown): boolean {
  try {
    fn();
    return false;
  } catch {
    return true;
  }
}

await benchGroups('@reins/core signing — in process (lower is better)', [
  [
    'sign a 32-character value',
    [
      ['cookie-signature sign()', () => cookieSignature.sign(VALUE, KEY)],
      ['Signer.sign()', () => signer.sign(VALUE)],
      ['TimestampSigner.sign()', () => timestampSigner.sign(VALUE)],
    ],
  ],
  [
    'verify a good signature',
    [
      ['cookie-signature unsign()', () => cookieSignature.unsign(peerSigned, KEY)],
      ['Signer.unsign()', () => signer.unsign(signed)],
      [
        'TimestampSigner.unsign({ maxAge })',
        () => timestampSigner.unsign(timestamped, { maxAge: 3600 }),
      ],
    ],
  ],
  [
    'refuse a tampered signature',
    [
      ['cookie-signature unsign() → false', () => cookieSignature.unsign(peerTampered, KEY)],
      ['Signer.unsign() → BadSignature', () => refused(() => signer.unsign(tampered))],
      ['  … legacyAlgorithm: null', () => refused(() => strictSigner.unsign(tampered))],
    ],
  ],
  [
    'a small session object',
    [
      [
        'JSON + base64url + cookie-signature sign()',
        () => cookieSignature.sign(Buffer.from(JSON.stringify(SESSION)).toString('base64url'), KEY),
      ],
      ['dumps()', () => dumps(SESSION, { key: KEY })],
    ],
  ],
  [
    'read a small session object back',
    [
      [
        'cookie-signature unsign() + base64url + JSON',
        () => {
          const value = cookieSignature.unsign(peerSession, KEY);
          return value === false
            ? null
            : (JSON.parse(Buffer.from(value, 'base64url').toString()) as unknown);
        },
      ],
      ['loads({ maxAge })', () => loads(session, { key: KEY, maxAge: 1209600 })],
    ],
  ],
]);
