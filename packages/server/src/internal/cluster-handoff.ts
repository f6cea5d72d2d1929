/**
 * A cluster worker's last step before it exits.
 *
 * Node's cluster primary hands each connection to a worker over the IPC channel. A connection it
 * sent just before it read this worker's "server closed" message reaches a worker that no longer
 * listens: Node's worker answers "not accepted" and the primary gives it to another worker — but
 * only while the worker still reads its channel. A worker that exits first loses it: the primary
 * keeps the socket open and never answers it (measured: a request hung until the client's
 * 20 s timeout in about one reload in three under `reins serve --workers 2`). One round trip to
 * the primary after the close, over the same ordered channel, proves every such connection has
 * arrived and been turned back.
 * @module
 */
import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';

const FLUSH = 'reins:handoff-flush';
const FLUSHED = 'reins:handoff-flushed';
// The primary answers at once; the bound is for a primary that is not reins' supervisor.
const FLUSH_TIMEOUT = 1_000;

/** In a worker of `reins serve --workers N`: wait until the primary can send it nothing more. */
export function settleHandoffs(): Promise<void> {
  const send = process.send?.bind(process);
  if (
    !cluster.isWorker ||
    process.env.REINS_WORKER !== '1' ||
    send === undefined ||
    !process.connected
  )
    return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      process.off('message', onMessage);
      resolve();
    };
    const onMessage = (message: unknown): void => {
      if (message === FLUSHED) done();
    };
    const timer = setTimeout(done, FLUSH_TIMEOUT);
    process.on('message', onMessage);
    send(FLUSH, undefined, {}, (error) => {
      if (error !== null) done();
    });
  });
}

/** In the primary: answer a worker's {@link settleHandoffs} round trip. */
export function answerHandoffs(worker: Worker, message: unknown): void {
  if (message === FLUSH && worker.isConnected()) worker.send(FLUSHED);
}
