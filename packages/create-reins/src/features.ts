/**
 * What the generated project switches on, in Django's default middleware order (Security →
 * Session → Common → CSRF → Authentication → Messages → XFrameOptions; static files first of all).
 * Each package is one entry, and switching one on adds its dependency, imports, middleware,
 * context processor and migrations: every entry is on, so a new project has Django's default
 * middleware (`@reins/auth`'s model backend reads the project's database, whose auth tables
 * `npm run migrate` creates).
 */

/** A line of the generated settings' middleware list and what it needs. */
export interface Feature {
  /** Shown in the generated README. */
  name: string;
  /** Whether new projects get it. */
  enabled: boolean;
  /** The package that provides it (a dependency of the project). */
  package: string;
  /** What src/settings.ts imports from the package. */
  names: readonly string[];
  /** The expression in the middleware list. */
  middleware: string;
  /** Template context processors it adds (names it imports from its package). */
  contextProcessors?: readonly string[];
  /** Its migration set for src/migrations.ts: the import line and the `apps` entry. */
  migrations?: { import: string; entry: string };
}

/** Every feature, in the order of the middleware list. */
export const FEATURES: readonly Feature[] = [
  {
    name: 'static files',
    enabled: true,
    package: '@reins/staticfiles',
    names: ['defineStaticfiles', 'staticFilesMiddleware', 'staticLibrary'],
    middleware: 'staticFilesMiddleware(staticfiles)',
  },
  {
    name: 'security headers',
    enabled: true,
    package: '@reins/middleware',
    names: ['SecurityMiddleware'],
    middleware: 'SecurityMiddleware',
  },
  {
    name: 'sessions',
    enabled: true,
    package: '@reins/sessions',
    names: ['DatabaseSessionStore', 'SessionMiddleware'],
    middleware: 'SessionMiddleware',
    migrations: {
      import: "import { sessionsMigrations } from '@reins/sessions';",
      entry: 'sessions: sessionsMigrations',
    },
  },
  {
    name: 'common (APPEND_SLASH)',
    enabled: true,
    package: '@reins/middleware',
    names: ['CommonMiddleware'],
    middleware: 'CommonMiddleware',
  },
  {
    name: 'CSRF protection',
    enabled: true,
    package: '@reins/middleware',
    names: ['CsrfViewMiddleware'],
    middleware: 'CsrfViewMiddleware',
  },
  {
    name: 'authentication',
    enabled: true,
    package: '@reins/auth',
    names: ['AuthenticationMiddleware', 'ModelBackend', 'authContextProcessor'],
    // Django's AUTHENTICATION_BACKENDS default: the model backend over auth_user.
    middleware:
      'AuthenticationMiddleware.with({ backends: [new ModelBackend({ db: database() })] })',
    contextProcessors: ['authContextProcessor'],
    migrations: {
      import: "import { authMigrations } from '@reins/auth';",
      entry: 'auth: authMigrations',
    },
  },
  {
    name: 'messages',
    enabled: true,
    package: '@reins/messages',
    names: ['MessageMiddleware', 'messagesContextProcessor'],
    middleware: 'MessageMiddleware',
    contextProcessors: ['messagesContextProcessor'],
  },
  {
    name: 'clickjacking protection',
    enabled: true,
    package: '@reins/middleware',
    names: ['XFrameOptionsMiddleware'],
    middleware: 'XFrameOptionsMiddleware',
  },
];
