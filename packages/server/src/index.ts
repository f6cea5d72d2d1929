/**
 * @reins/server — the reins application: settings, the request handler (Django's middleware
 * order and exception-to-response mapping), the default and debug error pages, a Node server
 * with graceful shutdown, and the `reins` CLI. The test client is in `@reins/server/testing`.
 *
 * @example
 * import { createApp } from '@reins/server';
 * const app = createApp({ rootUrlconf: urlpatterns, allowedHosts: ['example.com'] });
 * await app.listen({ port: 8000 });
 *
 * @module
 */
export { App, createApp } from './create-app.js';
export { markAsync } from './mark-async.js';
export type { ListenOptions, ReinsServer } from './internal/node-server.js';
export { validateSettings } from './settings.js';
export type {
  ErrorHandler,
  MaybePromise,
  MessageSettings,
  ResolvedSettings,
  RootUrlconf,
  ServerErrorHandler,
  SessionSettings,
  SessionStoreSetting,
  Settings,
  TemplatesSetting,
} from './settings.js';
export { ImproperlyConfigured, ViewResponseError } from './errors.js';
export { consoleLogger, silentLogger } from './logger.js';
export { escapeLogText } from './log-escape.js';
export type { ConsoleLoggerOptions, Logger, LogLevel, LogRecord } from './logger.js';
export { badRequest, pageNotFound, permissionDenied, serverError } from './error-views.js';
export type { ErrorViewOptions } from './error-views.js';
export { defineMigrations } from './migrations.js';
export type { MigrationsConfig, ReinsMigration } from './migrations.js';
export { applyMigrations, showMigrations } from './apply-migrations.js';
export type { MigrateResult, MigrationState } from './apply-migrations.js';
export { formatCheckMessages, runChecks } from './checks.js';
export { runDeployChecks } from './deploy-checks.js';
export { livenessView, readinessView } from './health.js';
export type { ReadinessOptions } from './health.js';
export type { DatabaseSetting, DatabasesSetting, KyselyLike } from './databases.js';
export type { CheckMessage } from './checks.js';
