/**
 * `ReinsError`: the base of every error a reins package throws on purpose — a stable `code`, an
 * optional HTTP `status`, and `isInstance()` that checks a brand instead of the prototype chain.
 *
 * @module
 */
import { brandPrototype, defineBrand, hasBrand } from './brand.js';

/** What `isInstance` needs of a class: its brand and its prototype's type. */
interface Branded<T> {
  readonly brand: symbol;
  prototype: T;
}

/**
 * The base of every reins error: a stable `code` string and an optional HTTP `status`. Subclasses
 * declare `static override readonly brand = defineBrand('Name')` and call `brandClass(Name)`.
 *
 * @example
 * try { await view(request); } catch (error) { if (ReinsError.isInstance(error)) console.log(error.code); }
 */
export class ReinsError extends Error {
  static readonly brand: symbol = defineBrand('ReinsError');
  /** A stable identifier such as `'http.disallowed_host'`; tests and handlers match on it. */
  readonly code: string = 'reins.error';
  /** The HTTP status this error becomes when it escapes a view, if any. */
  readonly status: number | undefined = undefined;

  constructor(message?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }

  /**
   * Whether `value` is an instance of this class (or a subclass), by brand, across package copies.
   *
   * @example
   * Http404.isInstance(new Http404()); // true
   */
  static isInstance<T>(this: Branded<T>, value: unknown): value is T {
    return hasBrand(value, this.brand);
  }
}
brandPrototype(ReinsError, ReinsError.brand);

/**
 * Brand a `ReinsError` subclass with its own `static brand`, so `Sub.isInstance()` recognises it.
 *
 * @example
 * export class Http404 extends ReinsError { static override readonly brand = defineBrand('Http404'); }
 * brandClass(Http404);
 */
export function brandClass(target: { readonly brand: symbol; prototype: object }): void {
  brandPrototype(target, target.brand);
}
