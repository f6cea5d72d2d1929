import { defineConfig } from 'vitest/config';

// As the generated project's, plus the repository's condition: the sibling packages' sources.
export default defineConfig({
  resolve: { conditions: ['@reins/source'] },
  ssr: { resolve: { conditions: ['@reins/source'] } },
  test: {
    name: 'tutorial',
    env: {
      DATABASE_PATH: ':memory:',
      REINS_DEBUG: '0',
      REINS_SECRET_KEY: 'insecure-key-for-tests-only-0123456789abcdefghijklmnop',
    },
  },
});
