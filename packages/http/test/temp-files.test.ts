import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('upload temporary files', () => {
  it('are removed when a request that was never closed is garbage-collected', async () => {
    const script = fileURLToPath(new URL('./scripts/orphan-upload.ts', import.meta.url));
    const { stdout } = await run(process.execPath, [
      '--expose-gc',
      '--conditions=@reins/source',
      '--import',
      'tsx',
      script,
    ]);
    expect(JSON.parse(stdout)).toEqual({ before: true, after: false });
  });
});
