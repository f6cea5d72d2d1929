import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { StreamingHttpResponse } from './streaming-http-response.js';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('StreamingHttpResponse', () => {
  it('streams a sync iterable, encoding strings with the charset', async () => {
    const response = new StreamingHttpResponse(['a', Uint8Array.from([0x62]), 'é'], {
      charset: 'latin1',
    });
    expect(response.streaming).toBe(true);
    expect([...(await response.getValue())]).toEqual([0x61, 0x62, 0xe9]);
  });

  it('streams an async iterable and a ReadableStream', async () => {
    async function* rows() {
      await Promise.resolve(); // a source's chunks arrive asynchronously
      yield 'id\n';
      yield '1\n';
    }
    expect(text(await new StreamingHttpResponse(rows()).getValue())).toBe('id\n1\n');
    const stream = new ReadableStream<string>({
      start(controller) {
        controller.enqueue('x');
        controller.enqueue('y');
        controller.close();
      },
    });
    expect(text(await new StreamingHttpResponse(stream).getValue())).toBe('xy');
  });

  it('has no content attribute', () => {
    expect(() => new StreamingHttpResponse([]).content).toThrow(
      'This StreamingHttpResponse instance has no `content` attribute. Use `streamingContent` instead.',
    );
  });

  it('lets streamingContent be replaced', async () => {
    const response = new StreamingHttpResponse(['a']);
    response.streamingContent = ['b'];
    expect(text(await response.getValue())).toBe('b');
  });

  // Django's FileCloseTests.test_streaming_response: files given as content, including a
  // replacement, are closed with the response though nothing was streamed.
  it('closes the streams it was given when the response is closed', async () => {
    const path = fileURLToPath(import.meta.url);
    const first = createReadStream(path);
    const second = createReadStream(path);
    const response = new StreamingHttpResponse(first);
    response.streamingContent = second;
    expect([first.destroyed, second.destroyed]).toEqual([false, false]);
    await response.close();
    expect([first.destroyed, second.destroyed]).toEqual([true, true]);
  });
});
