import { ImproperlyConfigured } from '@reins/core';

/**
 * Import an optional peer dependency the first time a store needs it, so that a site on the
 * cookie store installs none of them. A missing package is an ImproperlyConfigured that says
 * what to install.
 */
export async function loadOptional<T>(
  specifier: string,
  store: string,
  setting: string,
  load: () => Promise<T>,
): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
      throw new ImproperlyConfigured(
        `The ${store} needs the '${specifier}' package, which is not installed: run \`pnpm add ${specifier}\` (or npm/yarn), or choose another sessionStore.`,
        { setting },
      );
    }
    throw error;
  }
}
