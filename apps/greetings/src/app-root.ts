/**
 * The app's folder, found by walking up from this module to the nearest package.json, so paths to
 * templates/, static/ and data/ are the same whether the code runs from src/ (tests) or from the
 * bundled dist/app.js (the server).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findAppRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(
        `No package.json above ${fileURLToPath(import.meta.url)}; run the app from its folder.`,
      );
    dir = parent;
  }
  return dir;
}

/** Absolute path of the greetings app folder. */
export const appRoot = findAppRoot();
