import preset from '@reins/vitest-config';
import { defineProject, mergeConfig } from 'vitest/config';

export default mergeConfig(
  preset,
  defineProject({
    test: {
      name: '@reins/scale-test',
      // One scenario, step after step, on real processes: nothing runs in parallel.
      fileParallelism: false,
      // Each step bounds its own waits; the whole run stays under three minutes.
      testTimeout: 90_000,
      hookTimeout: 90_000,
    },
  }),
);
