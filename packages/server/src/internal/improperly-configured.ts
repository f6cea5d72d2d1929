/**
 * The server's `ImproperlyConfigured` (core's one class) with its stable code
 * `'server.improperly_configured'` and the setting at fault.
 */
import { ImproperlyConfigured } from '@reins/core';

/** A setting (or middleware position) that cannot work, found at start-up. */
export function settingError(setting: string, message: string): ImproperlyConfigured {
  return new ImproperlyConfigured(message, { setting, code: 'server.improperly_configured' });
}
