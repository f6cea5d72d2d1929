/**
 * The version ranges the generated package.json asks for. The reins packages' versions are
 * written into the build by tsup (see tsup.config.ts) from the packages released with this one;
 * run from source (tests), they are read from the repository.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

declare const __REINS_VERSIONS__: Readonly<Record<string, string>> | undefined;

/** The reins packages a project may use. */
export const REINS_PACKAGES = [
  'auth',
  'cache',
  'core',
  'http',
  'messages',
  'middleware',
  'server',
  'sessions',
  'shortcuts',
  'staticfiles',
  'templates',
  'urls',
  'views',
] as const;

/** Third-party packages of the generated project, with the ranges the reins packages are tested on. */
export const THIRD_PARTY: Readonly<Record<string, string>> = {
  kysely: '^0.28.7',
  'better-sqlite3': '^12.4.0',
  '@types/better-sqlite3': '^7.6.13',
  '@types/node': '^20.19.0',
  tsx: '^4.20.0',
  typescript: '^5.9.3',
  vitest: '^4.1.12',
};

function fromRepository(): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of REINS_PACKAGES) {
    try {
      const manifest = fileURLToPath(new URL(`../../${name}/package.json`, import.meta.url));
      versions[`@reins/${name}`] =
        `^${(JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version}`;
    } catch {
      // Not in this checkout yet (a package still being built elsewhere).
    }
  }
  return versions;
}

/**
 * The range of each reins package released with this generator (`^0.3.1`).
 *
 * @example
 * reinsVersions()['@reins/server']; // '^0.3.1'
 */
export function reinsVersions(): Readonly<Record<string, string>> {
  return typeof __REINS_VERSIONS__ === 'undefined' ? fromRepository() : __REINS_VERSIONS__;
}
