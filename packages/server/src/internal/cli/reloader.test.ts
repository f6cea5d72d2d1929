import { describe, expect, it } from 'vitest';
import { isWatched } from './reloader.js';

describe('isWatched', () => {
  it.each([
    'src/app.ts',
    'dist/app.js',
    'dist/chunk.mjs',
    'templates/home.html',
    'reins.config.json',
    'src/view.tsx',
  ])('restarts for %s', (file) => {
    expect(isWatched(file)).toBe(true);
  });

  it.each([
    'data/site.db',
    'data/site.db-journal',
    'data/site.db-wal',
    'node_modules/x/index.js',
    '.git/index',
    'uploads/photo.png',
    'server.log',
  ])('ignores %s', (file) => {
    expect(isWatched(file)).toBe(false);
  });
});
