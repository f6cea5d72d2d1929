/**
 * The demo's secret key when `REINS_SECRET_KEY` is not set: generated once, as Django's
 * `startproject` writes one into settings.py, and kept in the git-ignored `data/secret-key` file so
 * sessions survive a restart and every worker of `reins serve` signs with the same key.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { appRoot } from './app-root.js';

/** Where the generated key lives. */
const secretKeyFile = join(appRoot, 'data', 'secret-key');

/**
 * Read the key from `file`, creating it with 50 random bytes the first time.
 *
 * @example
 * const secretKey = process.env.REINS_SECRET_KEY || generatedSecretKey();
 */
export function generatedSecretKey(file: string = secretKeyFile): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(50).toString('base64url');
  try {
    // 'wx': when several workers start at once, the first to write wins and the others read its key.
    writeFileSync(file, `${key}\n`, { flag: 'wx', mode: 0o600 });
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(file, 'utf8').trim();
  }
}
