// Run by temp-files.test.ts in a child process with --expose-gc: an upload spilled to disk whose
// request is never closed is removed once the request is garbage-collected.
import { existsSync } from 'node:fs';
import { HttpRequest, type TemporaryUploadedFile } from '../../src/index.js';

const gc = (globalThis as { gc?: () => void }).gc!;
const body =
  '--B\r\nContent-Disposition: form-data; name="f"; filename="a.bin"\r\n\r\n' +
  'x'.repeat(5000) +
  '\r\n--B--\r\n';

async function upload(): Promise<string> {
  const request = new HttpRequest({
    method: 'POST',
    headers: { 'content-type': 'multipart/form-data; boundary=B' },
    body,
    options: { fileUploadMaxMemorySize: 100 },
  });
  await request.loadBody();
  return (request.FILES.get('f') as TemporaryUploadedFile).temporaryFilePath();
}

const path = await upload();
const before = existsSync(path);
for (let i = 0; i < 50 && existsSync(path); i += 1) {
  gc();
  await new Promise((resolve) => setTimeout(resolve, 20));
}
process.stdout.write(JSON.stringify({ before, after: existsSync(path) }));
