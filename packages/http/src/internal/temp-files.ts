/**
 * Bookkeeping for upload temporary files, so none outlives its request: each is removed when the
 * request closes, when parsing fails, and — as a last resort — synchronously at process exit.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { join } from 'node:path';

const live = new Set<string>();
let exitHookInstalled = false;

function removeAllSync(): void {
  for (const path of live) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  live.clear();
}

/** A fresh, unguessable path in `directory`, registered for removal. */
export function createTempPath(directory: string): string {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', removeAllSync);
  }
  const path = join(directory, `reins-upload-${randomBytes(12).toString('hex')}.upload`);
  live.add(path);
  return path;
}

/** Remove a temporary file (ignoring one that is already gone) and forget it. */
export async function removeTempPath(path: string): Promise<void> {
  live.delete(path);
  try {
    await unlink(path);
  } catch {
    // already removed, or never created because the write failed first
  }
}

// A file whose request was never closed (a server that forgot to) is removed when its
// UploadedFile object is garbage-collected.
const orphans = new FinalizationRegistry<string>((path) => {
  void removeTempPath(path);
});

/** Remove `path` when `owner` is garbage-collected, unless `forget(owner)` is called first. */
export function removeWhenCollected(owner: object, path: string): void {
  orphans.register(owner, path, owner);
}

/** Cancel {@link removeWhenCollected} for `owner` (its file was removed explicitly). */
export function forget(owner: object): void {
  orphans.unregister(owner);
}

/** How many temporary files are still registered (for tests). */
export function liveTempPathCount(): number {
  return live.size;
}
