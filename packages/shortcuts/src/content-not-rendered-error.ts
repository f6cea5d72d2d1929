/**
 * `ContentNotRenderedError`: a `TemplateResponse`'s content was read before `render()`.
 *
 * @module
 */
import { brandClass, defineBrand } from '@reins/core';
import { ReinsError } from '@reins/http';

/**
 * Thrown when the body of a `TemplateResponse` is read before the response was rendered.
 *
 * @example
 * const response = new TemplateResponse(request, 'a.html');
 * response.content; // throws ContentNotRenderedError
 */
export class ContentNotRenderedError extends ReinsError {
  static override readonly brand: symbol = defineBrand('ContentNotRenderedError');
  override readonly code: string = 'shortcuts.content_not_rendered';
}
brandClass(ContentNotRenderedError);
