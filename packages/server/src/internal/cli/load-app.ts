/**
 * Finding and importing the application module for the CLI. The module path comes from, in
 * order: `--app <path>`, the `REINS_APP` environment variable, the `app` field of a
 * `reins.config.json` / `reins.config.mjs` / `reins.config.js` in the working directory, and the
 * `reins.app` field of its package.json. The module's default export (or its `app` export) must be
 * the application `createApp()` returned (or a promise of it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App } from '../../create-app.js';
import { AppLoadError } from './app-load-error.js';
import { isTypeScript, registerTypeScript } from './typescript-loader.js';

export { AppLoadError };

/** Where the app module path came from, for messages. */
export interface AppLocation {
  path: string;
  source: string;
}

/** Find the app module path (see the module comment for the order). */
export async function locateApp(
  option: string | undefined,
  cwd = process.cwd(),
  env = process.env,
): Promise<AppLocation> {
  if (option !== undefined && option !== '') return { path: option, source: '--app' };
  const fromEnv = env['REINS_APP'];
  if (fromEnv !== undefined && fromEnv !== '') return { path: fromEnv, source: 'REINS_APP' };
  const json = resolve(cwd, 'reins.config.json');
  if (existsSync(json)) {
    const config = JSON.parse(readFileSync(json, 'utf8')) as { app?: unknown };
    if (typeof config.app === 'string') return { path: config.app, source: 'reins.config.json' };
  }
  for (const name of ['reins.config.mjs', 'reins.config.js']) {
    const file = resolve(cwd, name);
    if (!existsSync(file)) continue;
    const module = (await import(pathToFileURL(file).href)) as {
      default?: { app?: unknown };
      app?: unknown;
    };
    const app = module.default?.app ?? module.app;
    if (typeof app === 'string') return { path: app, source: name };
  }
  const pkg = resolve(cwd, 'package.json');
  if (existsSync(pkg)) {
    const manifest = JSON.parse(readFileSync(pkg, 'utf8')) as { reins?: { app?: unknown } };
    if (typeof manifest.reins?.app === 'string')
      return { path: manifest.reins.app, source: 'package.json "reins.app"' };
  }
  throw new AppLoadError(
    'No application module given. Pass --app ./dist/app.js, set REINS_APP, or add { "reins": { "app": "./dist/app.js" } } to package.json.',
  );
}

function isApp(value: unknown): value is App {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as App).handle === 'function' &&
    typeof (value as App).listen === 'function'
  );
}

/** Import the module at `location` and return its app. */
export async function importApp(location: AppLocation, cwd = process.cwd()): Promise<App> {
  return (await importAppModule(location, cwd)).app;
}

/** Import the module at `location`: its app and its other exports (`migrations`…). */
export async function importAppModule(
  location: AppLocation,
  cwd = process.cwd(),
): Promise<{ app: App; module: Readonly<Record<string, unknown>> }> {
  const file = resolve(cwd, location.path);
  if (!existsSync(file)) {
    throw new AppLoadError(
      `The application module '${location.path}' (from ${location.source}) does not exist at ${file}. Build the app first, or fix the path.`,
    );
  }
  let module: { default?: unknown; app?: unknown };
  try {
    if (isTypeScript(file)) await registerTypeScript(location);
    module = (await import(pathToFileURL(file).href)) as typeof module;
  } catch (error) {
    if (error instanceof AppLoadError) throw error;
    throw new AppLoadError(
      `Importing the application module '${location.path}' failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  const candidate = await Promise.resolve(isApp(module.app) ? module.app : module.default);
  if (isApp(candidate)) return { app: candidate, module };
  const other = await Promise.resolve(module.app);
  if (isApp(other)) return { app: other, module };
  throw new AppLoadError(
    `The module '${location.path}' does not export an application. Export the result of createApp(): \`export default createApp({...})\` or \`export const app = createApp({...})\`.`,
  );
}
