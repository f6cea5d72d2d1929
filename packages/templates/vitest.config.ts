import preset from '@reins/vitest-config';
import { defineProject, mergeConfig } from 'vitest/config';

// The conformance vectors' dates are naive local times recorded under TZ=UTC.
process.env['TZ'] = 'UTC';

export default mergeConfig(
  preset,
  defineProject({ test: { name: '@reins/templates', env: { TZ: 'UTC' } } }),
);
