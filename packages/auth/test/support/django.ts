import { fileURLToPath } from 'node:url';
import { missingDjango as missing, runDjangoScript } from '@reins/test-servers/django';

const SITE = fileURLToPath(new URL('../django/django_site.py', import.meta.url));

/**
 * Why Django 3.2 with argon2-cffi and bcrypt can't be run here, or `undefined` when it can.
 * Under CI it throws instead: a compatibility test must not skip there.
 */
export function missingDjango(): string | undefined {
  return missing({ modules: ['argon2', 'bcrypt'] });
}

/** Run test/django/django_site.py against a SQLite file; its JSON answer. */
export function django(
  file: string,
  secretKey: string,
  command: string,
  ...args: string[]
): unknown {
  return runDjangoScript(SITE, [file, secretKey, command, ...args]);
}
