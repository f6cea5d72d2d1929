// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/**
 * The flat ESLint config every reins package lints with: typescript-eslint's strict rules and
 * its type-checked recommended ones (no floating or misused promises), type-only imports, no
 * reaching into another package's `src/` or `internal/`, `Buffer` imported rather than read from
 * the global, Prettier last.
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
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each file is checked against the tsconfig that includes it; the config files at a
        // package's root (tsup, vitest, eslint) are in none, so they get a default project.
        projectService: { allowDefaultProject: ['*.config.ts', '*.config.js'] },
      },
    },
  },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The codebase is built on maybe-promises (sync when it can, a promise when it must): a
      // dropped promise is a lost error and an unhandled rejection, a promise passed where a
      // void callback is expected is never awaited.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
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
  { files: ['**/*.js', '**/*.cjs', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  prettier,
);
