/**
 * @reins/staticfiles — Django's `django.contrib.staticfiles` and what WhiteNoise adds for
 * production: settings, finders, `{% static %}`, collectstatic with hashed names and a manifest,
 * findstatic, and a middleware that serves the files safely and fast.
 *
 * @example
 * import { defineStaticfiles, staticFilesMiddleware } from '@reins/staticfiles';
 * const staticfiles = defineStaticfiles({ staticUrl: '/static/', staticRoot: 'staticfiles', staticfilesDirs: ['static'] });
 *
 * @module
 */
export { collectstatic, CommandError } from './collectstatic.js';
export type { CollectstaticOptions, CollectstaticResult } from './collectstatic.js';
export { defineStaticfiles, Staticfiles } from './define-staticfiles.js';
export type { FinderSetting, StaticfilesOptions, StorageSetting } from './define-staticfiles.js';
export { HashedFileNotFound, MissingManifestEntry, PostProcessError } from './errors.js';
export { AppDirectoriesFinder, FileSystemFinder } from './finders.js';
export type { Finder, StaticfilesDir } from './finders.js';
export { findstatic } from './findstatic.js';
export type { FindstaticOptions } from './findstatic.js';
export { ManifestStaticFilesStorage } from './manifest-static-files-storage.js';
export type {
  ManifestStaticFilesStorageOptions,
  PostProcessed,
} from './manifest-static-files-storage.js';
export { setDefaultStaticfiles, staticUrl } from './static-url.js';
export { staticLibrary } from './static-library.js';
export { isStaticFilesMiddleware, staticFilesMiddleware } from './static-files-middleware.js';
export type { StaticFilesMiddlewareOptions } from './static-files-middleware.js';
export { StaticFilesStorage } from './static-files-storage.js';
export type { StaticFilesStorageOptions } from './static-files-storage.js';
