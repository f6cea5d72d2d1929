// @ts-check
/**
 * The one tsup configuration every published reins package builds with: ESM + CJS, a `.d.ts` for
 * each, source maps, Node 20 syntax. Written in JavaScript because Node 20 cannot load a `.ts`
 * preset imported by package name.
 *
 * @example
 * // packages/urls/tsup.config.ts
 * import { reinsPackage } from '@reins/tsup-config';
 * export default reinsPackage();
 *
 * @param {import('tsup').Options} [overrides]
 * @returns {import('tsup').Options}
 */
export function reinsPackage(overrides = {}) {
  return {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    tsconfig: 'tsconfig.build.json',
    ...overrides,
  };
}
