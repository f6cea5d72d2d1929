import { describe, expect, it } from 'vitest';
import { resolveRequestOptions } from './request-options.js';

describe('resolveRequestOptions: upload bounds', () => {
  it('bounds the whole multipart body and every part by default', () => {
    expect(resolveRequestOptions({})).toMatchObject({
      dataUploadMaxNumberParts: 1200,
      fileUploadMaxTotalSize: 104_857_600,
      fileUploadMaxSize: null,
    });
    expect(
      resolveRequestOptions({ dataUploadMaxNumberFiles: null }).dataUploadMaxNumberParts,
    ).toBeNull();
    expect(resolveRequestOptions({ dataUploadMaxNumberParts: 5 }).dataUploadMaxNumberParts).toBe(5);
  });

  it('refuses a limit that is not a whole number, naming the option', () => {
    expect(() => resolveRequestOptions({ fileUploadMaxTotalSize: -1 })).toThrow(
      /fileUploadMaxTotalSize option must be a non-negative whole number of bytes/,
    );
    expect(() => resolveRequestOptions({ dataUploadMaxNumberParts: 1.5 })).toThrow(
      /dataUploadMaxNumberParts option must be a non-negative whole number of items/,
    );
  });
});
