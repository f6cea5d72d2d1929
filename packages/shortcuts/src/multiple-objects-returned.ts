/**
 * `MultipleObjectsReturned`: `getObjectOr404()` found more than one row. As in Django it is not an
 * HTTP error (it becomes a 500): the query should have selected by a unique key.
 *
 * @module
 */
import { brandClass, defineBrand } from '@reins/core';
import { ReinsError } from '@reins/http';

/**
 * Thrown by `getObjectOr404()` (and `DetailView`) when the lookup matched more than one row.
 *
 * @example
 * try { await getObjectOr404(query); } catch (error) { if (MultipleObjectsReturned.isInstance(error)) error.count; }
 */
export class MultipleObjectsReturned extends ReinsError {
  static override readonly brand: symbol = defineBrand('MultipleObjectsReturned');
  override readonly code: string = 'shortcuts.multiple_objects_returned';
  /** The model named in the message. */
  readonly model: string;
  /** How many rows matched, or `'more than 20'` when the bounded fetch was full. */
  readonly count: number | string;

  constructor(model: string, count: number | string, caller = 'getObjectOr404()') {
    super(
      `${caller} found more than one ${model} -- it returned ${count}! ` +
        `Look the row up by a unique key, or use getListOr404() when several rows are expected.`,
    );
    this.model = model;
    this.count = count;
  }
}
brandClass(MultipleObjectsReturned);
