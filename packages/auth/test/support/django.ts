import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PYTHON = '/usr/bin/python3';
const SITE = fileURLToPath(new URL('../django/django_site.py', import.meta.url));

/**
 * Why Django 3.2 (with argon2-cffi and bcrypt) can't be run here, or `undefined` when it can.
 * Under CI it throws instead: a compatibility test must not skip there.
 */
export function missingDjango(): string | undefined {
  let version: string | undefined;
  try {
    version = execFileSync(
      PYTHON,
      ['-c', 'import django, argon2, bcrypt; print(django.get_version())'],
      {
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    )
      .toString()
      .trim();
  } catch {
    version = undefined;
  }
  if (version?.startsWith('3.2')) return undefined;
  const message = `Django 3.2 with argon2-cffi and bcrypt is not installed for ${PYTHON} (found ${version ?? 'none'}); apt-get install python3-django python3-argon2 python3-bcrypt to run the Django compatibility tests.`;
  if (process.env['CI']) throw new Error(`${message} CI must install them.`);
  return message;
}

/** Run test/django/django_site.py against a SQLite file; its JSON answer. */
export function django(
  file: string,
  secretKey: string,
  command: string,
  ...args: string[]
): unknown {
  return JSON.parse(
    execFileSync(PYTHON, [SITE, file, secretKey, command, ...args], { encoding: 'utf8' }),
  );
}
