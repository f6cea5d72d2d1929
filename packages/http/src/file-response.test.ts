import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FileResponse, guessContentType } from './file-response.js';

const logo = fileURLToPath(new URL('../test/fixtures/files/logo.png', import.meta.url));
const notes = fileURLToPath(new URL('../test/fixtures/files/notes.txt', import.meta.url));

describe('FileResponse', () => {
  it('serves an image from a path: type, length, inline disposition', async () => {
    const response = new FileResponse(logo);
    expect(response.headers.get('Content-Type')).toBe('image/png');
    expect(response.headers.get('Content-Length')).toBe('12');
    expect(response.headers.get('Content-Disposition')).toBe('inline; filename="logo.png"');
    expect((await response.getValue()).length).toBe(12);
  });

  it('sends an attachment with a UTF-8 file name from a stream', async () => {
    const response = new FileResponse(createReadStream(notes), {
      asAttachment: true,
      filename: 'report ü.pdf',
    });
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('Content-Length')).toBe('11');
    expect(response.headers.get('Content-Disposition')).toBe(
      "attachment; filename*=utf-8''report%20%C3%BC.pdf",
    );
    expect(new TextDecoder().decode(await response.getValue())).toBe('hello file\n');
  });

  it('escapes quotes in ASCII names and keeps an explicit content type', () => {
    const response = new FileResponse(Uint8Array.from([1, 2, 3, 4, 5]), {
      asAttachment: true,
      filename: 're"port.tar.gz',
    });
    expect(response.headers.get('Content-Type')).toBe('application/gzip');
    expect(response.headers.get('Content-Disposition')).toBe(
      'attachment; filename="re\\"port.tar.gz"',
    );
    expect(response.headers.get('Content-Length')).toBe('5');
    const typed = new FileResponse(logo, { contentType: 'application/x-custom' });
    expect(typed.headers.get('Content-Type')).toBe('application/x-custom');
  });

  it('falls back to octet-stream and no disposition without a name', () => {
    const response = new FileResponse(Uint8Array.from([1]));
    expect(response.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(response.headers.has('Content-Disposition')).toBe(false);
    expect(
      new FileResponse(Uint8Array.from([1]), { asAttachment: true }).headers.get(
        'Content-Disposition',
      ),
    ).toBe('attachment');
  });

  it('refuses a missing file or a directory when built', () => {
    expect(() => new FileResponse('/no/such/file')).toThrow(/ENOENT/);
    expect(() => new FileResponse(fileURLToPath(new URL('.', import.meta.url)))).toThrow(/not one/);
  });

  it('guesses types as Django does for compressed files', () => {
    expect(guessContentType('a.tar.gz')).toBe('application/gzip');
    expect(guessContentType('a.tar.bz2')).toBe('application/x-bzip');
    expect(guessContentType('a.tar.xz')).toBe('application/x-xz');
    expect(guessContentType('a.unknownext')).toBe('application/octet-stream');
    expect(guessContentType('a.html')).toBe('text/html');
  });
});
