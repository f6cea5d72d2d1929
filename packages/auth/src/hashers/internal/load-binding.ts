import { ImproperlyConfigured } from '@reins/core';

const NOT_FOUND = new Set(['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND']);

/**
 * Import a hasher's optional native binding the first time it hashes, so that a site on PBKDF2
 * installs none; a missing package is an ImproperlyConfigured that says what to install.
 */
export function loadBinding<T>(
  specifier: string,
  hasher: string,
  load: () => Promise<T>,
): Promise<T> {
  return load().catch((error: unknown) => {
    if (!NOT_FOUND.has(String((error as { code?: unknown } | null)?.code))) throw error;
    throw new ImproperlyConfigured(
      `The ${hasher} needs the '${specifier}' package, which is not installed: run \`pnpm add ${specifier}\`, or remove the hasher from the passwordHashers setting.`,
      { setting: 'passwordHashers', code: 'auth.missing_hasher_binding' },
    );
  });
}
