// @ts-check
/**
 * Real Django 3.2 for the compatibility tests: Debian's python3-django, run by /usr/bin/python3
 * (not a pyenv python on PATH). A developer without it gets a message saying how to install it
 * (tests skip with it); under CI (`CI` set) `missingDjango()` throws instead, so a compatibility
 * test never skips there.
 */
import { spawnSync } from 'node:child_process';
import { basename } from 'node:path';

export const PYTHON = '/usr/bin/python3';

/** @type {Map<string, string | undefined>} */
const probed = new Map();

/** @param {readonly string[]} modules */
function probe(modules) {
  const key = modules.join(',');
  if (!probed.has(key)) {
    const imports = ['django', ...modules].join(', ');
    const run = spawnSync(PYTHON, ['-c', `import ${imports}; print(django.get_version())`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    probed.set(key, run.status === 0 ? run.stdout.trim() : undefined);
  }
  return probed.get(key);
}

export function djangoVersion() {
  return probe([]);
}

/** @param {{ modules?: readonly string[] }} [options] */
export function missingDjango(options = {}) {
  const modules = options.modules ?? [];
  const version = probe(modules);
  if (version?.startsWith('3.2')) return undefined;
  const what = modules.length === 0 ? 'Django 3.2' : `Django 3.2 with ${modules.join(' and ')}`;
  const packages = ['python3-django', ...modules.map((name) => `python3-${name}`)].join(' ');
  const message = `${what} is not installed for ${PYTHON} (found ${version ?? 'none'}); apt-get install ${packages} to run the Django compatibility tests.`;
  if (process.env['CI']) throw new Error(`${message} CI must install it (.ci/run).`);
  return message;
}

/**
 * @param {string} script
 * @param {readonly string[]} [args]
 * @param {{ input?: unknown }} [options]
 */
export function runDjangoScript(script, args = [], options = {}) {
  const run = spawnSync(PYTHON, [script, ...args], {
    encoding: 'utf8',
    input: options.input === undefined ? undefined : JSON.stringify(options.input),
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  if (run.status !== 0) {
    throw new Error(
      `${basename(script)} ${args.join(' ')} exited with ${run.status ?? run.signal}:\n${run.stderr}`,
    );
  }
  return JSON.parse(run.stdout);
}
