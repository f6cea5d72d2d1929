/**
 * Django's password validators as functions a form handler calls: {@link validatePassword} runs
 * minimum length, common passwords (Django's list of 20,000), entirely numeric and similarity to
 * the user's attributes, and returns every message, as Django's `validate_password`.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';

/**
 * One validator's complaint: Django's message, code and parameters.
 *
 * @example
 * const problem: PasswordProblem = { code: 'password_too_short', message: 'This password is too short. It must contain at least 8 characters.' };
 */
export interface PasswordProblem {
  code: string;
  message: string;
}

/**
 * A password validator: returns its complaint, or `null` when the password passes.
 *
 * @example
 * const noSpaces: PasswordValidator = { validate: (pw) => (pw.includes(' ') ? { code: 'spaces', message: 'No spaces.' } : null), helpText: 'No spaces.' };
 */
export interface PasswordValidator {
  validate(
    password: string,
    user?: Readonly<Record<string, unknown>> | null,
  ): PasswordProblem | null;
  readonly helpText: string;
}

const length = (text: string): number => [...text].length;

/**
 * Django's `MinimumLengthValidator` (default 8 characters).
 *
 * @example
 * minimumLengthValidator(12).validate('short'); // { code: 'password_too_short', … }
 */
export function minimumLengthValidator(minLength = 8): PasswordValidator {
  const unit = minLength === 1 ? 'character' : 'characters';
  return {
    validate: (password) =>
      length(password) < minLength
        ? {
            code: 'password_too_short',
            message: `This password is too short. It must contain at least ${minLength} ${unit}.`,
          }
        : null,
    helpText: `Your password must contain at least ${minLength} ${unit}.`,
  };
}

/**
 * Django's `NumericPasswordValidator`.
 *
 * @example
 * numericPasswordValidator().validate('12345678'); // { code: 'password_entirely_numeric', … }
 */
export function numericPasswordValidator(): PasswordValidator {
  return {
    validate: (password) =>
      /^\p{Nd}+$/u.test(password)
        ? { code: 'password_entirely_numeric', message: 'This password is entirely numeric.' }
        : null,
    helpText: 'Your password can’t be entirely numeric.',
  };
}

let defaultList: Set<string> | undefined;
function djangoCommonPasswords(): Set<string> {
  // CJS builds have __filename; ESM builds have import.meta.url (esbuild empties it in CJS).
  const base = typeof __filename === 'string' ? pathToFileURL(__filename).href : import.meta.url;
  const text = gunzipSync(readFileSync(new URL('../data/common-passwords.txt.gz', base))).toString(
    'utf8',
  );
  return new Set(text.split('\n').map((line) => line.trim()));
}

/**
 * Django's `CommonPasswordValidator`: refuses the 20,000 common passwords of Django's list (loaded
 * on first use), or of `passwords` given.
 *
 * @example
 * commonPasswordValidator().validate('password123'); // { code: 'password_too_common', … }
 */
export function commonPasswordValidator(passwords?: Iterable<string>): PasswordValidator {
  const own =
    passwords === undefined
      ? undefined
      : new Set([...passwords].map((p) => p.trim().toLowerCase()));
  return {
    validate(password) {
      const list = own ?? (defaultList ??= djangoCommonPasswords());
      return list.has(password.toLowerCase().trim())
        ? { code: 'password_too_common', message: 'This password is too common.' }
        : null;
    },
    helpText: 'Your password can’t be a commonly used password.',
  };
}

// difflib.SequenceMatcher(a, b).quick_ratio(): an upper bound from the shared characters.
function quickRatio(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const char of b) counts.set(char, (counts.get(char) ?? 0) + 1);
  let matches = 0;
  for (const char of a) {
    const left = counts.get(char) ?? 0;
    if (left > 0) {
      matches++;
      counts.set(char, left - 1);
    }
  }
  const total = a.length + b.length;
  return total === 0 ? 1 : (2 * matches) / total;
}

/** The attributes compared, with the verbose names Django's User fields have. */
const DEFAULT_ATTRIBUTES: Readonly<Record<string, string>> = {
  username: 'username',
  firstName: 'first name',
  lastName: 'last name',
  email: 'email address',
};

/**
 * Django's `UserAttributeSimilarityValidator`: refuses a password too similar (quick ratio ≥
 * `maxSimilarity`, default 0.7) to the user's username, names or e-mail, or a part of one.
 *
 * @example
 * userAttributeSimilarityValidator().validate('demo-user1', { username: 'demo-user' }); // { code: 'password_too_similar', … }
 */
export function userAttributeSimilarityValidator(
  attributes: Readonly<Record<string, string>> = DEFAULT_ATTRIBUTES,
  maxSimilarity = 0.7,
): PasswordValidator {
  if (maxSimilarity < 0.1) throw new RangeError('maxSimilarity must be at least 0.1');
  return {
    validate(password, user) {
      if (!user) return null;
      const pw = [...password.toLowerCase()];
      for (const [name, verboseName] of Object.entries(attributes)) {
        const value = user[name];
        if (typeof value !== 'string' || value === '') continue;
        const lower = value.toLowerCase();
        for (const part of [...lower.split(/[^\p{L}\p{N}_]+/u), lower]) {
          const chars = [...part];
          // Django's exceeds_maximum_length_ratio: a short part of a much longer password is skipped.
          if (pw.length >= 10 * chars.length && chars.length < (maxSimilarity / 2) * pw.length)
            continue;
          if (quickRatio(pw, chars) >= maxSimilarity) {
            return {
              code: 'password_too_similar',
              message: `The password is too similar to the ${verboseName}.`,
            };
          }
        }
      }
      return null;
    },
    helpText: 'Your password can’t be too similar to your other personal information.',
  };
}

/**
 * Django's four default validators (`AUTH_PASSWORD_VALIDATORS` of `startproject`).
 *
 * @example
 * validatePassword('password', { username: 'demo' }, defaultPasswordValidators());
 */
export function defaultPasswordValidators(): PasswordValidator[] {
  return [
    userAttributeSimilarityValidator(),
    minimumLengthValidator(),
    commonPasswordValidator(),
    numericPasswordValidator(),
  ];
}

/**
 * Every complaint of `validators` (default Django's four) about `password`, in order; empty when it
 * passes (Django's `validate_password`, returning instead of raising).
 *
 * @example
 * const problems = validatePassword(form.password, { username: form.username });
 * if (problems.length > 0) return render(request, 'signup.html', { errors: problems.map((p) => p.message) });
 */
export function validatePassword(
  password: string,
  user?: Readonly<Record<string, unknown>> | null,
  validators: readonly PasswordValidator[] = defaultPasswordValidators(),
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  for (const validator of validators) {
    const problem = validator.validate(password, user);
    if (problem !== null) problems.push(problem);
  }
  return problems;
}
