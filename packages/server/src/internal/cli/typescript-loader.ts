/**
 * Loading a `.ts` app module in the dev loop (`reins runserver --app ./src/app.ts`): tsx's ESM
 * loader, registered programmatically so the user sets no `NODE_OPTIONS`. tsx is resolved from the
 * project first (it is the project's dev dependency, and so its version), then from this package,
 * so no package manager layout needs it hoisted. It only strips types: type errors are the job of
 * `tsc` (`npm run check`), not of the server.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AppLoadError } from './app-load-error.js';

const TYPESCRIPT = /\.(?:[cm]?tsx?)$/i;

/** Whether `file` needs a TypeScript loader. */
export function isTypeScript(file: string): boolean {
  return TYPESCRIPT.test(file);
}

let registered: Promise<void> | undefined;

// require.resolve would pick the CommonJS build; the ESM entry is read from tsx's own exports map.
function resolveTsx(cwd: string): string | undefined {
  for (const base of [join(cwd, 'package.json'), import.meta.url]) {
    let manifest: string;
    try {
      manifest = createRequire(base).resolve('tsx/package.json');
    } catch {
      continue;
    }
    const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as {
      exports?: Record<string, { import?: { default?: string } } | string>;
    };
    const entry = exports?.['./esm/api'];
    if (typeof entry === 'object' && typeof entry.import?.default === 'string') {
      return join(dirname(manifest), entry.import.default);
    }
  }
  return undefined;
}

/**
 * Register tsx once per process, before importing a TypeScript module.
 *
 * @example
 * if (isTypeScript(file)) await registerTypeScript({ path: file, source: '--app' });
 */
export function registerTypeScript(
  location: { path: string; source: string },
  cwd = process.cwd(),
): Promise<void> {
  registered ??= (async () => {
    const api = resolveTsx(cwd);
    if (api === undefined) {
      throw new AppLoadError(
        `The application module '${location.path}' (from ${location.source}) is TypeScript, and loading it needs tsx. Install it (npm install --save-dev tsx), or build the app and pass the built module (--app ./dist/app.js).`,
      );
    }
    const { register } = (await import(pathToFileURL(api).href)) as {
      register: () => unknown;
    };
    register();
  })();
  return registered;
}
