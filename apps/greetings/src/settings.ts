/**
 * The demo's settings (Django's settings.py), read from the environment where a deployment would
 * change them: `REINS_DEBUG=1` turns on the technical error pages (and serves static files
 * from `static/` without collecting), `ALLOWED_HOSTS` adds hosts (comma-separated) to the loopback
 * names, `REINS_SECRET_KEY` signs the session cookies (without it, a key generated once into the
 * git-ignored `data/secret-key`). `DATABASE_URL` moves the articles and the sessions to
 * PostgreSQL, `REDIS_URL` the page cache (and with `SESSION_STORE=redis` the sessions) to Redis,
 * `TRUSTED_PROXIES` names the load balancers whose `X-Forwarded-*` headers count, and
 * `REINS_INSTANCE` names this instance in an `X-Reins-Instance` header. See docs/deploy.md.
 */
import { join } from 'node:path';
import { cacheLibrary, configureCaches, type CachesConfig } from '@reins/cache';
import { CommonMiddleware, SecurityMiddleware, XFrameOptionsMiddleware } from '@reins/middleware';
import { livenessView, readinessView, type Settings } from '@reins/server';
import { staticFilesMiddleware, staticLibrary } from '@reins/staticfiles';
import { authContextProcessor, AuthenticationMiddleware } from '@reins/auth';
import { MessageMiddleware, messagesContextProcessor } from '@reins/messages';
import {
  DatabaseSessionStore,
  RedisSessionStore,
  SessionMiddleware,
  type SessionStore,
} from '@reins/sessions';
import { path } from '@reins/urls';
import { greetingsAuthBackend } from './accounts/auth-backend.js';
import { appRoot } from './app-root.js';
import { closeDatabase, database } from './database-handle.js';
import { instanceHeaderMiddleware } from './middleware/instance-header.js';
import { generatedSecretKey } from './secret-key.js';
import { serverTimingMiddleware } from './middleware/server-timing.js';
import { staticfilesFromEnv } from './staticfiles.js';
import { urlpatterns } from './urls.js';

/** Build the settings from an environment (the process's by default). */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  const debug = env.REINS_DEBUG === '1';
  // Django's startproject writes a random key into settings.py; the demo keeps one in data/.
  const secretKey = env.REINS_SECRET_KEY || generatedSecretKey();
  const extraHosts = (env.ALLOWED_HOSTS ?? '')
    .split(',')
    .map((host) => host.trim())
    .filter(Boolean);
  const staticfiles = staticfilesFromEnv(env);
  const trustedProxies = listFromEnv(env.TRUSTED_PROXIES);
  const instance = env.REINS_INSTANCE ?? '';
  const sessionStore = sessionStoreFromEnv(env, secretKey);
  return {
    // The health endpoints first: a balancer's probe resolves in one step.
    rootUrlconf: [
      path('-/live/', livenessView, { name: 'liveness' }),
      path('-/ready/', readinessView({ timeout: 2000 }), { name: 'readiness' }),
      ...urlpatterns,
    ],
    rootUrlconfName: 'greetings.urls',
    debug,
    secretKey,
    allowedHosts: ['127.0.0.1', 'localhost', '[::1]', 'testserver', ...extraHosts],
    staticfiles,
    databases: { default: { kysely: database, close: closeDatabase } },
    ...(sessionStore === undefined ? {} : { sessionStore }),
    ...(trustedProxies.length === 0
      ? {}
      : {
          // Behind the balancers: their X-Forwarded-Proto/-Host/-For count, nobody else's.
          trustedProxies,
          secureProxySslHeader: ['HTTP_X_FORWARDED_PROTO', 'https'] as const,
          useXForwardedHost: true,
        }),
    middleware: [
      ...(instance === '' ? [] : [instanceHeaderMiddleware(instance)]),
      // First, as WhiteNoise: a static file is answered before the rest of the chain runs.
      staticFilesMiddleware(staticfiles),
      // Django's order: Session after Security, before Common (and CSRF) and XFrameOptions.
      SecurityMiddleware,
      SessionMiddleware,
      CommonMiddleware,
      // After Session, as Django's order has it. 'eager': the user is loaded before the view when
      // the session names one, so the base layout (also rendered synchronously, for error pages)
      // can print the name.
      AuthenticationMiddleware.with({
        backends: [greetingsAuthBackend],
        load: 'eager',
        loginRedirectUrl: 'members',
      }),
      // Django's order: Messages after Session and Authentication, before XFrameOptions.
      MessageMiddleware,
      XFrameOptionsMiddleware,
      serverTimingMiddleware,
    ],
    templates: [
      {
        backend: 'reins',
        dirs: [join(appRoot, 'templates')],
        options: {
          libraries: { static: staticLibrary(staticfiles), cache: cacheLibrary },
          contextProcessors: [authContextProcessor, messagesContextProcessor],
        },
      },
    ],
  };
}

function listFromEnv(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * Django's `SESSION_ENGINE` by environment: `SESSION_STORE=database|redis|cookie`; by default the
 * database store when `DATABASE_URL` is set (sessions shared by every instance, in the same pool
 * as the articles), else signed cookies (the store the zero-setup demo needs).
 */
function sessionStoreFromEnv(env: NodeJS.ProcessEnv, secretKey: string): SessionStore | undefined {
  const choice = env.SESSION_STORE ?? (env.DATABASE_URL ? 'database' : 'cookie');
  switch (choice) {
    case 'cookie':
      return undefined;
    case 'database':
      return new DatabaseSessionStore({ secretKey, db: database() });
    case 'redis':
      if (!env.REDIS_URL)
        throw new Error('SESSION_STORE=redis needs REDIS_URL (redis://host:6379/0).');
      return new RedisSessionStore({ url: env.REDIS_URL });
    default:
      throw new Error(`SESSION_STORE must be 'database', 'redis' or 'cookie', got '${choice}'.`);
  }
}

/**
 * The demo's caches (Django's `CACHES`): pages in local memory, or in Redis when `REDIS_URL` is
 * set, so several server processes share them; template fragments (`{% cache %}`) always in local
 * memory, which also answers the synchronous render of the error pages that extend base.html.
 */
function cachesFromEnv(env: NodeJS.ProcessEnv = process.env): CachesConfig {
  return {
    default: env.REDIS_URL
      ? { backend: 'redis', location: env.REDIS_URL }
      : { backend: 'locmem', location: 'greetings' },
    template_fragments: { backend: 'locmem', location: 'greetings-fragments' },
  };
}

/** Configure the caches from an environment (what the app does at start-up). */
export function configureDemoCaches(env: NodeJS.ProcessEnv = process.env): void {
  configureCaches(cachesFromEnv(env));
}
