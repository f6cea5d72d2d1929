/**
 * The application: what `reins runserver`, `reins serve` and the tests load (package.json's
 * "reins.app" names this file). `migrations` beside it is what `reins migrate` applies.
 */
import { createApp } from '@reins/server';
import { settings } from './settings.js';

export { migrations } from './migrations.js';

export const app = createApp(settings);
export default app;
