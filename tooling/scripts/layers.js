// @ts-check
/**
 * Which reins packages each package may depend on: the table in ARCHITECTURE.md, written once so
 * that check-layers.js can enforce it. A package missing here fails the check until it is added.
 */
export const allowedDependencies = {
  '@reins/core': [],
  '@reins/http': ['@reins/core'],
  '@reins/urls': ['@reins/core'],
  '@reins/templates': ['@reins/core'],
  '@reins/middleware': ['@reins/core', '@reins/http'],
  '@reins/shortcuts': ['@reins/core', '@reins/http', '@reins/urls', '@reins/templates'],
  '@reins/views': ['@reins/core', '@reins/http', '@reins/templates', '@reins/shortcuts'],
  '@reins/staticfiles': ['@reins/core', '@reins/http', '@reins/middleware', '@reins/templates'],
  '@reins/sessions': ['@reins/core', '@reins/http', '@reins/middleware'],
  '@reins/cache': ['@reins/core', '@reins/http', '@reins/middleware', '@reins/templates'],
  // The project generator writes files that use reins; it imports none of it.
  'create-reins': [],
  '@reins/messages': ['@reins/core', '@reins/http', '@reins/middleware', '@reins/sessions'],
  '@reins/auth': [
    '@reins/core',
    '@reins/http',
    '@reins/middleware',
    '@reins/sessions',
    '@reins/templates',
    '@reins/shortcuts',
  ],
  '@reins/server': [
    '@reins/core',
    '@reins/http',
    '@reins/urls',
    '@reins/templates',
    '@reins/middleware',
    '@reins/shortcuts',
    '@reins/views',
    '@reins/staticfiles',
    '@reins/sessions',
    '@reins/cache',
    '@reins/messages',
    '@reins/auth',
  ],
};
