/** Request bodies as a hostile client writes them: multipart forms and urlencoded forms. */

const BOUNDARY = 'reins-hostile-boundary';

/** One multipart part: a form field, or a file part when `filename` is given. */
export interface Part {
  name: string;
  filename?: string;
  content: Buffer;
}

/** A `multipart/form-data` body with the given parts, and its Content-Type header line. */
export function multipart(parts: readonly Part[]): { header: string; body: Buffer } {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const file = part.filename === undefined ? '' : `; filename="${part.filename}"`;
    chunks.push(
      Buffer.from(
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${part.name}"${file}\r\n` +
          (part.filename === undefined ? '' : 'Content-Type: application/octet-stream\r\n') +
          '\r\n',
      ),
      part.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return {
    header: `Content-Type: multipart/form-data; boundary=${BOUNDARY}`,
    body: Buffer.concat(chunks),
  };
}

/**
 * `count` parts with no headers and no content under a one-letter boundary: the cheapest part a
 * client can send (9 bytes; issue #19's 400,000 parts in 3.2 MB).
 */
export function emptyParts(count: number): { header: string; body: Buffer } {
  return {
    header: 'Content-Type: multipart/form-data; boundary=a',
    body: Buffer.from('--a\r\n\r\n\r\n'.repeat(count) + '--a--\r\n'),
  };
}

/** An `application/x-www-form-urlencoded` body of `count` empty fields. */
export function manyFields(count: number): { header: string; body: Buffer } {
  return {
    header: 'Content-Type: application/x-www-form-urlencoded',
    body: Buffer.from(Array.from({ length: count }, (_, i) => `f${i}=`).join('&')),
  };
}
