import preset from '@reins/vitest-config';
import { defineProject, mergeConfig } from 'vitest/config';

export default mergeConfig(preset, defineProject({ test: { name: 'create-reins' } }));
