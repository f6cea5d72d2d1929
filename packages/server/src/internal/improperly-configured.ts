/**
 * The server's `ImproperlyConfigured` (core's one class) with its stable code
 * `'server.improperly_configured'` and the setting at fault.
 */
import { ImproperlyConfigured } from '@reins/core';

/** A setting (or middleware position) that cannot work, found at start-up. */
export function settingError(setting: string, message: string): ImproperlyConfigured {
  return new ImproperlyConfigured(message, { setting, code: 'server.improperly_configured' });
}

/**
 * `new ImproperlyConfiguredAt(setting, message)`: the server's former argument order, for the
 * handler builder, which another change is restructuring (it then calls `settingError`). A
 * constructor that returns core's instance, so the result is exactly core's class.
 */
export const ImproperlyConfiguredAt = function ImproperlyConfigured(
  setting: string,
  message: string,
) {
  return settingError(setting, message);
} as unknown as new (setting: string, message: string) => ImproperlyConfigured;
