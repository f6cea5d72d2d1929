/**
 * The greetings demo application: what `reins runserver --app ./dist/app.js` loads. Its default
 * export is the App built from the settings; `createGreetingsApp()` builds another, for tests;
 * `migrations` is what `reins migrate` applies.
 *
 * @example
 * import { createGreetingsApp } from './app.js';
 * const app = createGreetingsApp({ REINS_DEBUG: '1' });
 * const response = await app.fetch(new Request('http://127.0.0.1/greetings/'));
 */
import { createApp, type App } from '@reins/server';
import { configureDemoCaches, settingsFromEnv } from './settings.js';

/** Build the app from an environment (the process's by default). */
export function createGreetingsApp(env: NodeJS.ProcessEnv = process.env): App {
  configureDemoCaches(env);
  return createApp(settingsFromEnv(env));
}

export { migrations } from './migrations.js';

export const app = createGreetingsApp();
export default app;
