/**
 * Render time of `{% regroup %}`: one group of the regrouped list.
 *
 * @module
 */
/** One `{% regroup %}` group: a `(grouper, list)` pair with named fields. */
export function regroupGroup(grouper: unknown, list: unknown[]): unknown[] {
  const pair: unknown[] = [grouper, list];
  return Object.assign(pair, { grouper, list });
}
