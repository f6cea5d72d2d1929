/**
 * create-reins — `npm create reins`: a new reins project in one command, the way
 * `django-admin startproject` makes one. The command is `create-reins` (src/cli.ts); the writer
 * is usable on its own.
 *
 * @example
 * import { createProject } from 'create-reins';
 * createProject({ directory: 'mysite', packageManager: 'npm' });
 *
 * @module
 */
export { createProject, CreateProjectError, packageNameFor } from './create-project.js';
export type { CreateProjectOptions, PackageManager } from './create-project.js';
export { FEATURES } from './features.js';
export type { Feature } from './features.js';
