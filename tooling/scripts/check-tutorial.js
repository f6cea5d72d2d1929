#!/usr/bin/env node
// @ts-check
/**
 * `apps/tutorial` is the project create-reins writes (named `mysite`, pnpm, every feature on),
 * plus the tutorial's blog app. This check writes that project with create-reins' own code, into
 * a temporary directory, and fails when a file the tutorial shares with it is not the same once
 * both are formatted as the repository formats them (prettier, .prettierignore) — so a change to
 * the template reaches the tutorial, and the other way round. The files the tutorial changes are
 * listed below with the reason.
 *
 * @example
 * node tooling/scripts/check-tutorial.js
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import { tsImport } from 'tsx/esm/api';
import { templateDrift } from './lib/template-drift.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const site = join(root, 'apps/tutorial');

/** The tutorial's own versions of generated files, each with the reason. */
const own = {
  'package.json': 'workspace dependencies and the repository’s typecheck script',
  'src/settings.ts': 'INSTALLED_APPS has the blog app',
  'src/database.ts': 'the blog_post table',
  'src/migrations.ts': 'the blog app’s migrations',
  'src/urls.ts': 'the login page and the blog app',
  'src/reins-urls.gen.d.ts': 'the names of the login page and the blog app (`reins typegen`)',
  'vitest.config.ts': 'resolves the sibling packages’ sources',
  '.env': 'a fresh secret key each time; the tutorial commits none',
};

/** @type {typeof import('../../packages/create-reins/src/create-project.ts')} */
const { createProject } = await tsImport(
  '../../packages/create-reins/src/create-project.ts',
  import.meta.url,
);
const generated = mkdtempSync(join(tmpdir(), 'reins-tutorial-check-'));
try {
  const written = createProject({
    directory: generated,
    name: 'mysite',
    packageManager: 'pnpm',
  });
  const template = (/** @type {string} */ file) =>
    `packages/create-reins/template/${file === '.gitignore' ? '_gitignore' : file}`;
  const problems = await templateDrift({
    generated,
    written,
    site,
    own,
    ownListedIn: 'the `own` list of tooling/scripts/check-tutorial.js',
    describeGenerated: template,
    describeSite: (file) => `apps/tutorial/${file}`,
    normalize: async (file, text) => {
      const info = await prettier.getFileInfo(join(site, file), {
        ignorePath: join(root, '.prettierignore'),
      });
      if (info.ignored || info.inferredParser === null) return text;
      const config = await prettier.resolveConfig(join(site, file));
      return prettier.format(text, { ...config, filepath: join(site, file) });
    },
  });
  if (problems.length) {
    console.error(
      `check-tutorial: ${problems.length} problem(s); apps/tutorial must stay the project create-reins writes, plus its blog\n- ${problems.join('\n- ')}`,
    );
    process.exitCode = 1;
  } else {
    console.log(
      `check-tutorial: ${written.length - Object.keys(own).length} files of apps/tutorial are create-reins' template as written; ${Object.keys(own).length} are the tutorial's own.`,
    );
  }
} finally {
  rmSync(generated, { recursive: true, force: true });
}
