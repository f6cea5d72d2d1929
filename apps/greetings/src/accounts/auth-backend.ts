/**
 * The demo's authentication backend: @reins/auth's ModelBackend over Django's auth tables in the
 * demo's SQLite database (the same file as the articles). The tables are made by the auth
 * package's migration and the demo user seeded on first use, so importing the app touches no file;
 * the migration runs through `applyMigrations`, so it is recorded where `reins migrate` looks
 * (`reins_migration`) and neither applies it twice.
 */
import type { HttpRequest } from '@reins/http';
import {
  authMigrations,
  ModelBackend,
  MODEL_BACKEND_PATH,
  type AuthBackend,
  type AuthUser,
  type Credentials,
  type User,
} from '@reins/auth';
import { applyMigrations } from '@reins/server';
import { database } from '../database-handle.js';

/** The seeded account (documented in the README). */
const DEMO_USER = {
  username: 'demo',
  password: 'greetings-demo',
  firstName: 'Demo',
} as const;

let ready: Promise<ModelBackend> | undefined;
let readyFor: unknown;

/** The model backend, once the auth tables exist and the demo user is there. */
function modelBackend(): Promise<ModelBackend> {
  const db = database();
  // A closed and reopened database (tests) is prepared again.
  if (readyFor !== db) ready = undefined;
  readyFor = db;
  ready ??= (async () => {
    const { failed } = await applyMigrations({ db, apps: { auth: authMigrations } });
    if (failed !== undefined) {
      throw failed.error instanceof Error
        ? failed.error
        : new Error('The auth tables could not be created.', { cause: failed.error });
    }
    const backend = new ModelBackend({ db });
    if ((await backend.getUserByUsername(DEMO_USER.username)) === null)
      await backend.createUser(DEMO_USER);
    return backend;
  })().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

/** The backend in the settings: ModelBackend's answers, after the first-use preparation. */
export const greetingsAuthBackend: AuthBackend<User> & {
  getUserByUsername(username: string): Promise<User | null>;
  createUser: ModelBackend['createUser'];
  setPassword: ModelBackend['setPassword'];
} = {
  path: MODEL_BACKEND_PATH,
  authenticate: async (request: HttpRequest | null, credentials: Credentials) =>
    (await modelBackend()).authenticate(request, credentials),
  getUser: async (userId: string) => (await modelBackend()).getUser(userId),
  getAllPermissions: async (user: AuthUser) => (await modelBackend()).getAllPermissions(user),
  userLoggedIn: async (user: User) => (await modelBackend()).userLoggedIn(user),
  getUserByUsername: async (username: string) => (await modelBackend()).getUserByUsername(username),
  createUser: async (fields) => (await modelBackend()).createUser(fields),
  setPassword: async (user, raw) => (await modelBackend()).setPassword(user, raw),
};
