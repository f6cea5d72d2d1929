/**
 * The errors `Paginator` throws for a page number it cannot serve: `InvalidPage` and its two
 * subclasses, `PageNotAnInteger` (the number is not an integer) and `EmptyPage` (out of range).
 * `ListView` turns both into `Http404`; called directly, they are ordinary errors (a 500).
 *
 * @module
 */
import { brandClass, defineBrand } from '@reins/core';
import { ReinsError } from '@reins/http';

/**
 * The base of the two page-number errors; catch it to handle both.
 *
 * @example
 * try { paginator.page(request.GET.get('page')); } catch (error) { if (InvalidPage.isInstance(error)) ... }
 */
export class InvalidPage extends ReinsError {
  static override readonly brand: symbol = defineBrand('InvalidPage');
  override readonly code: string = 'views.invalid_page';
}
brandClass(InvalidPage);

/**
 * The page number is not an integer (`'x'`, `1.5`, `null`); Django's message is
 * `That page number is not an integer`.
 *
 * @example
 * new Paginator([1, 2, 3], 2).validateNumber('x'); // throws PageNotAnInteger
 */
export class PageNotAnInteger extends InvalidPage {
  static override readonly brand: symbol = defineBrand('PageNotAnInteger');
  override readonly code: string = 'views.page_not_an_integer';
}
brandClass(PageNotAnInteger);

/**
 * The page number is below 1 or past the last page (`That page number is less than 1`,
 * `That page contains no results`).
 *
 * @example
 * new Paginator([1, 2, 3], 2).page(3); // throws EmptyPage
 */
export class EmptyPage extends InvalidPage {
  static override readonly brand: symbol = defineBrand('EmptyPage');
  override readonly code: string = 'views.empty_page';
}
brandClass(EmptyPage);
