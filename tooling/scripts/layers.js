// @ts-check
/**
 * Which reins packages each package may depend on: the table in ARCHITECTURE.md, written once so
 * that check-layers.js can enforce it. A package missing here fails the check until it is added.
 */
export const allowedDependencies = {
  '@reins/http': [],
  '@reins/urls': [],
  '@reins/templates': [],
  '@reins/middleware': ['@reins/http'],
  '@reins/shortcuts': ['@reins/http', '@reins/urls', '@reins/templates'],
  '@reins/views': ['@reins/http', '@reins/templates', '@reins/shortcuts'],
  '@reins/server': [
    '@reins/http',
    '@reins/urls',
    '@reins/templates',
    '@reins/middleware',
    '@reins/shortcuts',
    '@reins/views',
  ],
};
