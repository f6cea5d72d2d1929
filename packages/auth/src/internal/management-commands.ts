/**
 * `reins createsuperuser` and `reins changepassword` (Django's commands), implemented here and
 * left in a process-wide registry when AuthenticationMiddleware is built, so `@reins/server`'s CLI
 * runs them without importing this package (as `createcachetable` does for the cache).
 */
import type { AuthBackend } from '../auth-backend.js';
import type { NewUser } from '../backends/model-backend.js';
import { validatePassword } from '../password-validation.js';
import type { User } from '../user-model.js';

/** What the commands read and write; the server gives the terminal, tests give scripts. */
interface AuthCommandIo {
  out(line: string): void;
  err(line: string): void;
  /** Ask a question; `hidden` for passwords. `null` when there is no terminal (end of input). */
  prompt(question: string, hidden: boolean): Promise<string | null>;
}

/** A backend the commands can manage users with (`ModelBackend`). */
interface UserStore extends AuthBackend<User> {
  getUserByUsername(username: string): Promise<User | null>;
  createUser(fields: NewUser): Promise<User>;
  setPassword(user: User, raw: string | null): Promise<void>;
}

const isUserStore = (backend: AuthBackend): backend is UserStore =>
  ['getUserByUsername', 'createUser', 'setPassword'].every(
    (method) => typeof (backend as unknown as Record<string, unknown>)[method] === 'function',
  );

interface Registry {
  createsuperuser(
    options: { username?: string; email?: string; noinput?: boolean },
    io: AuthCommandIo,
  ): Promise<number>;
  changepassword(options: { username?: string }, io: AuthCommandIo): Promise<number>;
}

const REGISTRY = Symbol.for('reins.auth.registry');

/** Leave the commands for the server's CLI, over the first backend that stores users. */
export function registerAuthCommands(backends: readonly AuthBackend[]): void {
  const store = backends.find(isUserStore);
  const registry: Registry = {
    createsuperuser: (options, io) => (store ? createsuperuser(store, options, io) : noStore(io)),
    changepassword: (options, io) => (store ? changepassword(store, options, io) : noStore(io)),
  };
  (globalThis as Record<symbol, Registry>)[REGISTRY] = registry;
}

function noStore(io: AuthCommandIo): Promise<number> {
  io.err(
    'CommandError: none of the authenticationBackends stores users (use ModelBackend to manage auth_user).',
  );
  return Promise.resolve(1);
}

// Django asks twice, validates, and offers to bypass the validators.
async function askPassword(
  io: AuthCommandIo,
  user: Record<string, unknown>,
  bypassable: boolean,
): Promise<string | null> {
  for (;;) {
    const password = await io.prompt('Password: ', true);
    if (password === null) return null;
    const again = await io.prompt('Password (again): ', true);
    if (again === null) return null;
    if (password !== again) {
      io.err(
        bypassable
          ? "Error: Your passwords didn't match."
          : 'Passwords do not match. Please try again.',
      );
      if (!bypassable) return '';
      continue;
    }
    if (password.trim() === '') {
      io.err("Error: Blank passwords aren't allowed.");
      if (!bypassable) return '';
      continue;
    }
    const problems = validatePassword(password, user);
    if (problems.length === 0) return password;
    for (const problem of problems) io.err(problem.message);
    if (!bypassable) return '';
    const answer = await io.prompt(
      'Bypass password validation and create user anyway? [y/N]: ',
      false,
    );
    if (answer !== null && answer.trim().toLowerCase().startsWith('y')) return password;
  }
}

async function createsuperuser(
  store: UserStore,
  options: { username?: string; email?: string; noinput?: boolean },
  io: AuthCommandIo,
): Promise<number> {
  let username = options.username?.trim() ?? '';
  let email = options.email ?? '';
  let password: string | null;
  if (options.noinput) {
    if (username === '') {
      io.err('CommandError: You must use --username with --noinput.');
      return 1;
    }
    // Django reads DJANGO_SUPERUSER_PASSWORD; without it the superuser gets an unusable password.
    password = process.env['REINS_SUPERUSER_PASSWORD'] ?? null;
  } else {
    while (username === '') {
      const answer = await io.prompt('Username: ', false);
      if (answer === null) {
        io.err('CommandError: No terminal to ask for the username; use --noinput --username.');
        return 1;
      }
      username = answer.trim();
      if (username !== '' && (await store.getUserByUsername(username)) !== null) {
        io.err('Error: That username is already taken.');
        username = '';
      } else if (username === '') {
        io.err('Error: This field cannot be blank.');
      }
    }
    if (options.email === undefined) email = (await io.prompt('Email address: ', false)) ?? '';
    password = await askPassword(io, { username, email }, true);
    if (password === null) {
      io.err('Operation cancelled.');
      return 1;
    }
  }
  if ((await store.getUserByUsername(username)) !== null) {
    io.err('CommandError: Error: That username is already taken.');
    return 1;
  }
  await store.createUser({ username, email, password, isStaff: true, isSuperuser: true });
  io.out('Superuser created successfully.');
  return 0;
}

async function changepassword(
  store: UserStore,
  options: { username?: string },
  io: AuthCommandIo,
): Promise<number> {
  const username = options.username ?? process.env['USER'] ?? '';
  const user = await store.getUserByUsername(username);
  if (user === null) {
    io.err(`CommandError: user '${username}' does not exist`);
    return 1;
  }
  io.out(`Changing password for user '${username}'`);
  for (let attempt = 1; attempt <= 3; attempt++) {
    const password = await askPassword(
      io,
      { username, email: user.email, firstName: user.firstName, lastName: user.lastName },
      false,
    );
    if (password === null) {
      io.err('CommandError: No terminal to ask for the password.');
      return 1;
    }
    if (password !== '') {
      await store.setPassword(user, password);
      io.out(`Password changed successfully for user '${username}'`);
      return 0;
    }
  }
  io.err(`CommandError: Aborting password change for user '${username}' after 3 attempts`);
  return 1;
}
