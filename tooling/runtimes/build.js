// @ts-check
/**
 * Bundles the site (site/*.ts and the reins packages from source) into one ESM file per runtime
 * in dist/, as a user deploying to Bun, Deno or Cloudflare would: node: built-ins stay imports,
 * which each runtime provides (workerd with its nodejs_compat flag).
 */
import { build } from 'esbuild';
import { URL, fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
await build({
  absWorkingDir: here,
  entryPoints: [
    'site/app.ts',
    'site/bun.ts',
    'site/deno.ts',
    'site/worker.ts',
    { in: 'bench/targets.ts', out: 'bench' },
    { in: 'bench/in-process.ts', out: 'in-process' },
  ],
  outdir: 'dist',
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  conditions: ['@reins/source'],
  mainFields: ['module', 'main'],
  // The optional peers that @reins/cache and @reins/sessions import lazily, only when a Redis or
  // database backend is configured (this site configures none): a deployment bundles them only
  // if it uses them, and node-redis needs node:net, which workerd lacks.
  external: ['node:*', 'redis', 'pg', 'better-sqlite3'],
  // CommonJS dependencies in the bundle (busboy) call require('node:stream'): give them the
  // runtime's. workerd leaves import.meta.url undefined, and only built-ins are required.
  banner: {
    js: "import { createRequire as reinsCreateRequire } from 'node:module'; const require = reinsCreateRequire(import.meta.url ?? 'file:///worker.js');",
  },
  logLevel: 'warning',
});
