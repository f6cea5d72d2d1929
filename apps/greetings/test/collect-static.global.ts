/**
 * Vitest global setup: collect the static files once before the in-process tests, as `pnpm start`
 * does before serving, so `{% static %}` finds every name in the manifest.
 */
import { collectstatic } from '@reins/staticfiles';
import { staticfilesFromEnv } from '../src/staticfiles.js';

export default async function setup(): Promise<void> {
  await collectstatic(staticfilesFromEnv({}), { interactive: false, verbosity: 0 });
}
