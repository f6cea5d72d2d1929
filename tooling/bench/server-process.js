// @ts-check
/**
 * A bench's server in a child process of its own, pinned to core 1 with `taskset` while the load
 * generator (this process) is pinned to core 0, so the two do not share a core; its CPU time is
 * asked for over IPC, because CPU per request stays meaningful on a busy machine when req/s does
 * not. The child runs the same script with `--serve` and calls {@link serveForBench}.
 */
import { execFileSync, spawn } from 'node:child_process';

/**
 * Whether `taskset` (util-linux; Linux only) can pin processes here; pins this process to core 0
 * when it can. `BENCH_PIN=0` turns pinning off.
 *
 * @example
 * const pinned = canPin();
 *
 * @returns {boolean}
 */
export function canPin() {
  if (process.env['BENCH_PIN'] === '0') return false;
  try {
    execFileSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Start `node <script> ...args` (with this process's execArgv, e.g. `--import tsx`), on core 1
 * when `pinned`; resolves once the child has called {@link serveForBench} with its port.
 *
 * @example
 * const { proc, port } = await spawnServer(fileURLToPath(import.meta.url), ['--serve', 'reins'], pinned);
 *
 * @param {string} script
 * @param {readonly string[]} args
 * @param {boolean} pinned
 * @returns {Promise<{ proc: import('node:child_process').ChildProcess, port: number }>}
 */
export function spawnServer(script, args, pinned) {
  const argv = [...process.execArgv, script, ...args];
  /** @type {import('node:child_process').SpawnOptions} */
  const options = { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] };
  const proc = pinned
    ? spawn('taskset', ['-c', '1', process.execPath, ...argv], options)
    : spawn(process.execPath, argv, options);
  return new Promise((resolve, reject) => {
    proc.once('message', (/** @type {{ ready?: number }} */ message) => {
      if (typeof message.ready === 'number') resolve({ proc, port: message.ready });
    });
    proc.once('exit', (code) =>
      reject(new Error(`${[script, ...args].join(' ')} exited early with code ${code}`)),
    );
  });
}

/**
 * In the child: tell the parent the server listens on `port`, and answer its CPU-time questions.
 *
 * @example
 * if (process.argv[2] === '--serve') serveForBench(await startTarget(process.argv[3]));
 *
 * @param {number} port
 * @returns {void}
 */
export function serveForBench(port) {
  process.on('message', (/** @type {{ cpu?: boolean }} */ message) => {
    if (message.cpu === true) process.send?.({ usage: process.cpuUsage() });
  });
  process.send?.({ ready: port });
}

/**
 * The child's CPU time so far (user + system), µs.
 *
 * @example
 * const before = await serverCpu(proc);
 *
 * @param {import('node:child_process').ChildProcess} proc
 * @returns {Promise<number>}
 */
export function serverCpu(proc) {
  return new Promise((resolve) => {
    const onMessage = (/** @type {{ usage?: NodeJS.CpuUsage }} */ message) => {
      if (message.usage === undefined) return;
      proc.off('message', onMessage);
      resolve(message.usage.user + message.usage.system);
    };
    proc.on('message', onMessage);
    proc.send({ cpu: true });
  });
}

/**
 * Kill the child (SIGKILL: nothing of it is measured any more) and wait until it is gone.
 *
 * @example
 * await stopServer(proc);
 *
 * @param {import('node:child_process').ChildProcess} proc
 * @returns {Promise<void>}
 */
export async function stopServer(proc) {
  proc.removeAllListeners('exit');
  const exited = new Promise((resolve) => proc.once('exit', resolve));
  proc.kill('SIGKILL');
  await exited;
}
