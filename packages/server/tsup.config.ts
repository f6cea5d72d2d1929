import { reinsPackage } from '@reins/tsup-config';
import { defineConfig } from 'tsup';

// The library (and its testing entry) ship as ESM + CJS; the CLI is an ESM-only executable.
export default defineConfig([
  reinsPackage({ entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' } }),
  reinsPackage({
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
