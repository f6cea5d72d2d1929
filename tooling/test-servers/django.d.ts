/** The Python that has Django 3.2: Debian's, not a pyenv one on PATH. */
export const PYTHON: string;

/**
 * Django's version for {@link PYTHON}, or `undefined` when it cannot import Django.
 *
 * @example
 * describe(`round trip with Django ${djangoVersion() ?? '(missing)'}`, …);
 */
export function djangoVersion(): string | undefined;

/**
 * Why Django 3.2 (with `modules`, e.g. argon2 and bcrypt) can't be run here, or `undefined` when
 * it can. Throws under CI instead: a compatibility test must not skip there.
 *
 * @example
 * const missing = missingDjango({ modules: ['argon2', 'bcrypt'] });
 * describe.skipIf(missing !== undefined)('Django reads what reins wrote', …);
 */
export function missingDjango(options?: { modules?: readonly string[] }): string | undefined;

/**
 * Run a Python script with {@link PYTHON}, `input` written to its stdin as JSON; its stdout parsed
 * as JSON. Throws with the script's stderr when it fails.
 *
 * @example
 * const rows = runDjangoScript(DB_ROWS, ['load', file, key]);
 */
export function runDjangoScript(
  script: string,
  args?: readonly string[],
  options?: { input?: unknown },
): unknown;
