/**
 * One servable file: what a response needs, computed once (type, validators, cache policy,
 * compressed variants), and its bytes kept in memory after the first request when small enough.
 */
import { readFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { createRequire } from 'node:module';
import type { contentType as ContentTypeFn } from 'mime-types';

let contentTypeOf: typeof ContentTypeFn | undefined;

/**
 * The Content-Type of a file name, with `charset=utf-8` for text types, from the `mime-types`
 * table (loaded on first use: it is large).
 */
export function contentTypeFor(name: string): string {
  contentTypeOf ??= (
    createRequire(import.meta.url)('mime-types') as { contentType: typeof ContentTypeFn }
  ).contentType;
  const slash = name.lastIndexOf('/');
  const type = contentTypeOf(name.slice(slash + 1));
  return type === false ? 'application/octet-stream' : type;
}

/** A representation of a file: the file itself or one of its precompressed variants. */
export interface Representation {
  readonly path: string;
  readonly size: number;
  readonly etag: string;
  readonly encoding: 'br' | 'gzip' | null;
  body: Buffer | null;
}

/** A file the middleware can serve. */
export interface StaticFile {
  readonly contentType: string;
  readonly lastModified: string;
  readonly cacheControl: string;
  readonly identity: Representation;
  readonly br: Representation | null;
  readonly gzip: Representation | null;
}

/** WhiteNoise's ETag: the modification time and size, in hex. */
function etagFor(stats: Stats): string {
  return `"${Math.floor(stats.mtimeMs / 1000).toString(16)}-${stats.size.toString(16)}"`;
}

/** A representation of the file at `path`. */
export function representation(
  path: string,
  stats: Stats,
  encoding: Representation['encoding'],
): Representation {
  return { path, size: stats.size, etag: etagFor(stats), encoding, body: null };
}

/** The bytes of `rep`, cached when at most `maxCached` bytes. */
export async function bodyOf(rep: Representation, maxCached: number): Promise<Buffer> {
  if (rep.body !== null) return rep.body;
  const body = await readFile(rep.path);
  if (body.length <= maxCached) rep.body = body;
  return body;
}
