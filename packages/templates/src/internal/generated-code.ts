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
/**
 * The expression of a statement that only appends one (`o += expression;\n`; expressions never
 * contain a newline), or `null` for any other statement.
 */
export function appendedPart(statement: string): string | null {
  const end = statement.length - 2;
  return statement.startsWith('o += ') &&
    statement.indexOf('\n') === end + 1 &&
    statement.charCodeAt(end) === 59 /* ; */
    ? statement.slice(5, end)
    : null;
}
