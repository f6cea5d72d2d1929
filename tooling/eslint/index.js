// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/**
 * The flat ESLint config every reins package lints with: typescript-eslint's strict rules,
 * type-only imports, no reaching into another package's `src/` or `internal/`, `Buffer` imported
 * rather than read from the global, Prettier last.
 *
 * @example
 * // packages/urls/eslint.config.js
 * import reins from '@reins/eslint-config';
 * export default reins;
 */
export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/coverage/**',
      '**/node_modules/**',
      '**/test/fixtures/**',
      '**/.readme-check/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-dynamic-delete': 'off',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@reins/*/src', '@reins/*/src/**', '@reins/*/internal/**'],
              message: 'Import another reins package by name; its src/ and internal/ are private.',
            },
          ],
        },
      ],
      // Node defines the global Buffer as a getter: optimized code cannot fold it to a constant
      // and calls the getter on every use (measured: ~25 ns per response on the server's path).
      'no-restricted-globals': [
        'error',
        { name: 'Buffer', message: "Import it: import { Buffer } from 'node:buffer'." },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test-d.ts', 'test/**', 'bench/**'],
    rules: {
      'no-restricted-imports': 'off',
      'no-restricted-globals': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  prettier,
);
