// @ts-check
import { defineConfig } from 'vitest/config';

/**
 * Shared vitest settings: sibling reins packages resolve to their TypeScript source through the
 * `@reins/source` export condition (set in both resolve slots, or vitest 4 misses it for SSR),
 * unit tests sit beside the code, type tests run with `--typecheck`.
 *
 * @example
 * // packages/urls/vitest.config.ts
 * import { defineProject, mergeConfig } from 'vitest/config';
 * import preset from '@reins/vitest-config';
 * export default mergeConfig(preset, defineProject({ test: { name: '@reins/urls' } }));
 */
export default defineConfig({
  resolve: { conditions: ['@reins/source'] },
  environments: { ssr: { resolve: { conditions: ['@reins/source'] } } },
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    typecheck: {
      include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    restoreMocks: true,
    // The whole repository's suites run at once on two cores in CI; property tests and spawned
    // servers need room there, while a hung test still fails within a minute.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
