/**
 * `Set-Cookie` values the way Python's `http.cookies.Morsel` writes them (Django's output):
 * values outside the cookie-safe set are double-quoted with `\NNN` octal escapes, attributes
 * follow in alphabetical order of their key (Domain, expires, HttpOnly, Max-Age, Path, SameSite,
 * Secure).
 */
import { BadHeaderError } from '../errors.js';
import { pyRepr } from './python-string.js';

const LEGAL = /^[A-Za-z0-9!#$%&'*+\-.^_`|~:]+$/;
const UNESCAPED = new Set(
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$%&'*+-.^_`|~: ()/<=>?@[]{}",
);
const RESERVED = new Set([
  'expires',
  'path',
  'comment',
  'domain',
  'max-age',
  'secure',
  'httponly',
  'version',
  'samesite',
]);
// eslint-disable-next-line no-control-regex
const ATTRIBUTE_UNSAFE = /[\x00-\x1f\x7f;]/;

/** A cookie to send, with Django's attributes. */
export interface CookieAttributes {
  expires: string;
  maxAge: number | null;
  path: string | null;
  domain: string | null;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string | null;
}

export function checkCookieName(name: string): void {
  if (!LEGAL.test(name)) {
    throw new BadHeaderError(
      `Illegal cookie name ${pyRepr(name)}: use letters, digits and !#$%&'*+-.^_\`|~: only.`,
    );
  }
  if (RESERVED.has(name.toLowerCase())) {
    throw new BadHeaderError(
      `Cookie name ${pyRepr(name)} is a reserved attribute name; choose another name.`,
    );
  }
}

export function checkCookieAttribute(name: string, value: string): void {
  if (ATTRIBUTE_UNSAFE.test(value)) {
    throw new BadHeaderError(
      `The cookie ${name} ${pyRepr(value)} contains ';' or a control character, which would change the Set-Cookie header.`,
    );
  }
}

/** Python's `http.cookies._quote`. */
export function quoteCookieValue(value: string): string {
  if (LEGAL.test(value)) return value;
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '"') out += '\\"';
    else if (char === '\\') out += '\\\\';
    else if (code < 256 && !UNESCAPED.has(char)) out += '\\' + code.toString(8).padStart(3, '0');
    else out += char;
  }
  return out + '"';
}

export function serializeCookie(name: string, value: string, attributes: CookieAttributes): string {
  let out = `${name}=${quoteCookieValue(value)}`;
  if (attributes.domain !== null && attributes.domain !== '')
    out += `; Domain=${attributes.domain}`;
  if (attributes.expires !== '') out += `; expires=${attributes.expires}`;
  if (attributes.httpOnly) out += '; HttpOnly';
  if (attributes.maxAge !== null) out += `; Max-Age=${attributes.maxAge}`;
  if (attributes.path !== null && attributes.path !== '') out += `; Path=${attributes.path}`;
  if (attributes.sameSite !== null && attributes.sameSite !== '')
    out += `; SameSite=${attributes.sameSite}`;
  if (attributes.secure) out += '; Secure';
  return out;
}
