import { readFileSync } from 'node:fs';
import { reinsPackage } from '@reins/tsup-config';
import { REINS_PACKAGES } from './src/versions.js';

// The reins packages' versions at release time, baked into the build for the generated package.json.
const versions: Record<string, string> = {};
for (const name of REINS_PACKAGES) {
  try {
    const manifest = JSON.parse(readFileSync(`../${name}/package.json`, 'utf8')) as {
      version: string;
    };
    versions[`@reins/${name}`] = `^${manifest.version}`;
  } catch {
    // Not released yet.
  }
}

const define = { __REINS_VERSIONS__: JSON.stringify(versions) };

export default [
  reinsPackage({ platform: 'node', shims: true, define }),
  // The command: ESM only (it awaits at the top level), no types.
  reinsPackage({
    entry: ['src/cli.ts'],
    format: ['esm'],
    dts: false,
    clean: false,
    platform: 'node',
    define,
  }),
];
