import { ImproperlyConfigured } from '@reins/core';

/**
 * Import a hasher's optional native binding the first time it hashes, so that a site on PBKDF2
 * installs none; a missing package is an ImproperlyConfigured that says what to install.
 */
export async function loadBinding<T>(
  specifier: string,
  hasher: string,
  load: () => Promise<T>,
): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new ImproperlyConfigured(
        `The ${hasher} needs the '${specifier}' package, which is not installed: run \`pnpm add ${specifier}\`, or remove the hasher from the passwordHashers setting.`,
        { setting: 'passwordHashers', code: 'auth.missing_hasher_binding' },
      );
    }
    throw error;
  }
}
