import { defineConfig } from 'vitest/config';

// Tests run on a fresh in-memory database with a fixed key, whatever .env says.
export default defineConfig({
  test: {
    env: {
      DATABASE_PATH: ':memory:',
      REINS_DEBUG: '0',
      REINS_SECRET_KEY: 'insecure-key-for-tests-only-0123456789abcdefghijklmnop',
    },
  },
});
