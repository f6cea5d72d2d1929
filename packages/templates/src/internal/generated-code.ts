/**
 * Pieces of the generated JavaScript every tag's compile step uses: string literals, object keys,
 * and the shape of a statement that only appends.
 *
 * @module
 */

/** A JavaScript string literal. */
export const jsString = (text: string): string => JSON.stringify(text);
// A quoted `"__proto__": value` in an object literal would set the prototype; computed keys don't.
export const jsKey = (name: string): string =>
  name === '__proto__' ? `[${jsString(name)}]` : jsString(name);
/** A statement that only appends one expression (expressions never contain a newline). */
export const APPEND_RE = /^o \+= ([^\n]*);\n$/;
