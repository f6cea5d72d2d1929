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
 * export const WIDGET_BRAND = defineBrand('Widget'); // the registry symbol 'reins.Widget'
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
 * class Widget {}
 * brandPrototype(Widget, WIDGET_BRAND);
 */
export function brandPrototype(target: { prototype: object }, brand: symbol): void {
  Object.defineProperty(target.prototype, brand, { value: true });
}

/** The safe-string brand: text already fit for HTML (`markSafe`, the `html` tag, templates). */
export const SAFE_STRING: unique symbol = Symbol.for('reins.SafeString') as never;

// The brands below are checked by packages that must not import the package owning the class
// (http, middleware, shortcuts and templates recognise a urls error without depending on urls).

/** `Resolver404`'s brand (`@reins/urls`); a resolver miss, recognised without importing urls. */
export const RESOLVER_404_BRAND: unique symbol = defineBrand('Resolver404') as never;

/** `NoReverseMatch`'s brand (`@reins/urls`); recognised by shortcuts and templates. */
export const NO_REVERSE_MATCH_BRAND: unique symbol = defineBrand('NoReverseMatch') as never;

/** `VariableDoesNotExist`'s brand (`@reins/templates`). */
export const VARIABLE_DOES_NOT_EXIST_BRAND: unique symbol = defineBrand(
  'VariableDoesNotExist',
) as never;

/** `HttpResponse`'s key for the body as the view gave it (string or bytes), read by middleware. */
export const RAW_CONTENT: unique symbol = Symbol.for('reins.HttpResponse.rawContent') as never;

/** The request's CSRF token slot (`@reins/middleware`), read by the template backend. */
export const CSRF_TOKEN: unique symbol = defineBrand('csrfToken') as never;

/** The request flag that turns CSRF checks off (`skipCsrfChecks`, the test client). */
export const DONT_ENFORCE_CSRF_CHECKS: unique symbol = defineBrand(
  'dontEnforceCsrfChecks',
) as never;

/** The flag the handler sets on a request whose view raised (read by the test client). */
export const GOT_REQUEST_EXCEPTION: unique symbol = defineBrand('gotRequestException') as never;
