import { defineConfig } from 'tsup';

// The app runs under plain Node, so it is built; its reins dependencies stay external and load
// from their own builds.
export default defineConfig({
  entry: ['src/app.ts'],
  format: ['esm'],
  target: 'node20',
  sourcemap: true,
  clean: true,
});
