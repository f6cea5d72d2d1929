import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppDirectoriesLoader, FileSystemLoader, LocmemLoader } from '../src/index.js';
import { loaderContract } from './loader.case.js';

function fileFixture(folder: (root: string) => string, make: (root: string) => FileSystemLoader) {
  return () => {
    const root = mkdtempSync(join(tmpdir(), 'reins-loader-'));
    const dir = folder(root);
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'page.html');
    writeFileSync(path, 'v1');
    utimesSync(path, new Date(1_000_000), new Date(1_000_000));
    return {
      loader: make(root),
      change: () => {
        writeFileSync(path, 'v2');
        utimesSync(path, new Date(2_000_000), new Date(2_000_000));
      },
    };
  };
}

loaderContract(
  'FileSystemLoader',
  fileFixture(
    (root) => join(root, 'templates'),
    (root) => new FileSystemLoader([join(root, 'other'), join(root, 'templates')]),
  ),
);
loaderContract(
  'AppDirectoriesLoader',
  fileFixture(
    (root) => join(root, 'app', 'templates'),
    (root) => new AppDirectoriesLoader([join(root, 'app')]),
  ),
);
loaderContract('LocmemLoader', () => {
  const templates: Record<string, string> = { 'page.html': 'v1' };
  return { loader: new LocmemLoader(templates), change: () => (templates['page.html'] = 'v2') };
});
