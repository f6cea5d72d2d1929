import preset from '@reins/vitest-config';
import { defineProject, mergeConfig } from 'vitest/config';

export default mergeConfig(
  preset,
  defineProject({
    test: {
      name: 'greetings',
      // src/app.ts builds the default app from process.env on import, and it needs a secret key.
      env: { REINS_SECRET_KEY: 'greetings-test-secret-key' },
    },
  }),
);
