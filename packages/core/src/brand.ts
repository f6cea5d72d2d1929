/**
 * Brands: how every reins package recognises its own objects across two copies of a package (ESM
 * and CJS side by side, or two versions in one `node_modules`), where `instanceof` fails. A brand
 * is a registry symbol (`Symbol.for`), so two copies of this module agree on it; each brand is
 * named here or by its class once, and every other package imports the constant.
 *
 * @module
 */

/**
 * Make the registry symbol for a brand name; call it once per brand and export the result.
 *
 * @example
 * export const TEMPLATE_BRAND = defineBrand('Template'); // Symbol.for('reins.Template')
 */
export function defineBrand(name: string): symbol {
  return Symbol.for(`reins.${name}`);
}

/**
 * Whether `value` is an object (or function) carrying `brand` set to `true`.
 *
 * @example
 * hasBrand(markSafe('<b>'), SAFE_STRING); // true
 */
export function hasBrand(value: unknown, brand: symbol): boolean {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    (value as Record<symbol, unknown>)[brand] === true
  );
}

/**
 * Put `brand` on a class's prototype (non-enumerable), so every instance answers {@link hasBrand}.
 *
 * @example
 * class Template {}
 * brandPrototype(Template, TEMPLATE_BRAND);
 */
export function brandPrototype(target: { prototype: object }, brand: symbol): void {
  Object.defineProperty(target.prototype, brand, { value: true });
}

/** The safe-string brand: text already fit for HTML (`markSafe`, the `html` tag, templates). */
export const SAFE_STRING: unique symbol = Symbol.for('reins.SafeString') as never;
