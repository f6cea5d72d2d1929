/**
 * The urlconf's `ImproperlyConfigured` (core's one class) with this package's stable code, so
 * `error.code === 'urls.improperly_configured'` keeps telling a urlconf mistake from a setting's.
 */
import { ImproperlyConfigured } from '@reins/core';

/** A urlconf mistake, naming the route or regex at fault when there is one. */
export function improperlyConfigured(message: string, route?: string): ImproperlyConfigured {
  return new ImproperlyConfigured(message, { route, code: 'urls.improperly_configured' });
}
