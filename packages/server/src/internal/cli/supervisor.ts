/**
 * The primary process of `reins serve --workers N` (gunicorn's arbiter): forks N workers with
 * node:cluster, restarts one that dies (backing off while workers die at start-up, so a broken
 * deploy does not fork in a tight loop), reloads without downtime on SIGHUP — a new generation
 * of N workers is listening before the old one is told to drain — and on SIGTERM/SIGINT drains
 * every worker within the shutdown bound, then kills what is left.
 */
import cluster from 'node:cluster';
import type { Worker } from 'node:cluster';
import { answerHandoffs } from '../cluster-handoff.js';
import type { CommandIo } from './commands.js';

/** Options of {@link supervise}. */
export interface SupervisorOptions {
  workers: number;
  /** How long workers get to drain on SIGTERM, ms (each worker honours it as well). */
  shutdownTimeout: number;
  /** How long a reload waits for the new workers to listen before giving up on them, ms. */
  startTimeout?: number;
}

// A worker that dies sooner than this after it started counts as failing at start-up.
const HEALTHY_AFTER = 5_000;
const MAX_BACKOFF = 10_000;
// Beyond the workers' own bound: a worker that still has not exited is killed.
const KILL_GRACE = 2_000;

interface Tracked {
  worker: Worker;
  generation: number;
  startedAt: number;
  retiring: boolean;
  listened: boolean;
}

/**
 * Run the primary; resolves with the exit code once every worker has stopped after a signal.
 *
 * @example
 * if (cluster.isPrimary) process.exitCode = await supervise({ workers: 2, shutdownTimeout: 10_000 }, io);
 */
export function supervise(options: SupervisorOptions, io: CommandIo): Promise<number> {
  const tracked = new Map<number, Tracked>();
  let generation = 0;
  let stopping = false;
  let reloading = false;
  let failures = 0;
  // Until one worker listens, a worker that dies is a broken app (an import error, a bad
  // setting, a taken port): the primary exits with it instead of forking again.
  let started = false;
  let failStart: ((code: number) => void) | undefined;

  const fork = (gen: number): Tracked => {
    const worker = cluster.fork({ REINS_WORKER: '1' });
    const entry: Tracked = {
      worker,
      generation: gen,
      startedAt: Date.now(),
      retiring: false,
      listened: false,
    };
    tracked.set(worker.id, entry);
    worker.once('listening', () => {
      entry.listened = true;
      started = true;
    });
    return entry;
  };

  const retire = (entry: Tracked): void => {
    entry.retiring = true;
    entry.worker.process.kill('SIGTERM');
    const timer = setTimeout(
      () => entry.worker.process.kill('SIGKILL'),
      options.shutdownTimeout + KILL_GRACE,
    );
    timer.unref();
    entry.worker.once('exit', () => clearTimeout(timer));
  };

  const listening = (entry: Tracked): Promise<boolean> =>
    new Promise((resolve) => {
      const timer = setTimeout(() => done(false), options.startTimeout ?? 60_000);
      const onListening = (): void => done(true);
      const onExit = (): void => done(false);
      function done(ok: boolean): void {
        clearTimeout(timer);
        entry.worker.off('listening', onListening);
        entry.worker.off('exit', onExit);
        resolve(ok);
      }
      entry.worker.once('listening', onListening);
      entry.worker.once('exit', onExit);
    });

  const reload = async (): Promise<void> => {
    if (stopping || reloading) return;
    reloading = true;
    const next = generation + 1;
    io.out(`SIGHUP: starting ${options.workers} new worker processes (generation ${next}).`);
    const fresh: Tracked[] = [];
    for (let index = 0; index < options.workers; index++) fresh.push(fork(next));
    const ok = (await Promise.all(fresh.map(listening))).every(Boolean);
    if (stopping) {
      reloading = false;
      return;
    }
    if (!ok) {
      io.err(
        `Reload failed: the new workers did not start listening; the old ones keep serving. Fix the app and send SIGHUP again.`,
      );
      for (const entry of fresh) if (!entry.worker.isDead()) retire(entry);
    } else {
      const old = [...tracked.values()].filter(
        (entry) => entry.generation < next && !entry.retiring,
      );
      generation = next;
      io.out(`Reloaded: generation ${next} is listening; ${old.length} old worker(s) draining.`);
      for (const entry of old) retire(entry);
    }
    reloading = false;
  };

  cluster.on('message', answerHandoffs);

  cluster.on('exit', (worker, code, signal) => {
    const entry = tracked.get(worker.id);
    tracked.delete(worker.id);
    if (stopping || entry === undefined || entry.retiring) return;
    if (!started && !entry.listened) {
      io.err(
        `Worker ${worker.process.pid} exited before it could serve (${signal ?? `exit code ${code}`}); stopping. Its error is above.`,
      );
      failStart?.(1);
      return;
    }
    // A worker of a reload still starting is the reload's business.
    if (entry.generation > generation) return;
    const early = Date.now() - entry.startedAt < HEALTHY_AFTER;
    failures = early ? failures + 1 : 0;
    const delay = failures === 0 ? 0 : Math.min(100 * 2 ** (failures - 1), MAX_BACKOFF);
    io.err(
      `Worker ${worker.process.pid} died (${signal ?? `exit code ${code}`}); starting a new one${delay > 0 ? ` in ${delay} ms` : ''}.`,
    );
    setTimeout(() => {
      if (!stopping) fork(generation);
    }, delay).unref();
  });

  for (let index = 0; index < options.workers; index++) fork(generation);

  return new Promise<number>((resolve) => {
    let exitCode = 0;
    failStart = (code) => {
      exitCode = code;
      stop();
    };
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      const left = [...tracked.values()];
      if (left.length === 0) resolve(exitCode);
      let remaining = left.length;
      for (const entry of left) {
        entry.worker.once('exit', () => {
          remaining--;
          if (remaining === 0) resolve(exitCode);
        });
        retire(entry);
      }
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    process.on('SIGHUP', () => {
      void reload();
    });
  });
}
