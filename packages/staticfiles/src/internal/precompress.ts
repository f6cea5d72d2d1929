/**
 * The `.gz` and `.br` files collectstatic writes beside each compressible file (WhiteNoise's
 * `CompressedStaticFilesStorage`), so production serving never compresses per request. A variant
 * is kept only when it saves at least 5% (WhiteNoise's rule); already compressed formats are
 * skipped.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

// WhiteNoise's skip list: formats that are compressed already.
const SKIP = new Set([
  'jpg',
  'jpeg',
  'png',
  'gif',
  'webp',
  'avif',
  'zip',
  'gz',
  'tgz',
  'bz2',
  'tbz',
  'xz',
  'br',
  'swf',
  'flv',
  'woff',
  'woff2',
  '3gp',
  '3gpp',
  'asf',
  'avi',
  'm4v',
  'mov',
  'mp4',
  'mpeg',
  'mpg',
  'webm',
  'wmv',
  'mp3',
  'ogg',
  'm4a',
  'aac',
  'flac',
  'zst',
  'jxl',
  'heic',
  'rar',
  '7z',
]);

/** Whether collectstatic writes compressed variants of `name`. */
export function isCompressible(name: string): boolean {
  const dot = name.lastIndexOf('.');
  return !SKIP.has(dot === -1 ? '' : name.slice(dot + 1).toLowerCase());
}

/** Write `file.gz` and `file.br` when they are worth it; returns the names written. */
export function precompress(file: string): string[] {
  const content = readFileSync(file);
  const written: string[] = [];
  const limit = content.length * 0.95;
  const gz = gzipSync(content, { level: 9 });
  if (gz.length < limit) {
    writeFileSync(`${file}.gz`, gz);
    written.push(`${file}.gz`);
  }
  const br = brotliCompressSync(content, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
    },
  });
  if (br.length < limit) {
    writeFileSync(`${file}.br`, br);
    written.push(`${file}.br`);
  }
  return written;
}
