/**
 * The demo started as the README starts it, instrumented from outside: its own temp directory
 * (`TMPDIR`, where uploads would spill) watched for every file created, the process's CPU time
 * read from `/proc` (every thread's `schedstat`, in nanoseconds: the event loop, the GC helpers
 * and libuv's pool), and its log split into the lines each request added.
 */
import {
  existsSync,
  watch,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  readFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../start-server.js';
import { rawExchange, type RawAnswer } from './raw-http.js';

/** The dev server's access line (`[07/Dec/2026 06:59:10] "GET / HTTP/1.1" 200 56`). */
export const ACCESS_LINE = /^\[\d{2}\/\w{3}\/\d{4} \d{2}:\d{2}:\d{2}\] "/;

/** What one request cost and left behind. */
export interface Observation {
  answer: RawAnswer;
  /** Server CPU time, all threads, from just before sending to after its access line. */
  cpuNs: number;
  /** The log lines the request added. */
  logLines: string[];
  /** The largest the temp directory was while the request ran, in bytes. */
  tempBytes: number;
  /** Files created in the temp directory while the request ran. */
  tempFiles: string[];
}

export interface DemoUnderTest {
  server: RunningServer;
  port: number;
  tempDir: string;
  /** Send one request and observe what it cost. */
  observe: (bytes: string | Buffer) => Promise<Observation>;
  /** The temp directory's size in bytes now. */
  tempSize: () => number;
  stop: () => Promise<void>;
}

/** The process's CPU time so far: the sum of every live thread's run time. */
function cpuTimeNs(pid: number): number {
  let total = 0;
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      total += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'latin1').split(' ')[0]);
    } catch {
      // the thread ended between the listing and the read
    }
  }
  return total;
}

function directorySize(directory: string): number {
  let size = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    try {
      size += statSync(join(entry.parentPath, entry.name)).size;
    } catch {
      // removed while we looked
    }
  }
  return size;
}

/**
 * Whether Node answered without the demo: its parser's refusals (a bare status line and
 * `Connection: close`) and its 400 for an HTTP/1.1 request without Host (`requireHostHeader`,
 * an empty chunked body). The demo never saw the request, so it has no access line. Every
 * answer of the demo's own has a Content-Type.
 */
export function refusedByNode(answer: RawAnswer): boolean {
  return (
    answer.status !== null &&
    answer.headers['content-type'] === undefined &&
    answer.headers.connection === 'close' &&
    (answer.body === '' || answer.body === '0\r\n\r\n')
  );
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Start the demo with a fresh `TMPDIR` and return the probes. */
export async function startDemoUnderTest(): Promise<DemoUnderTest> {
  const tempDir = mkdtempSync(join(tmpdir(), 'greetings-hostile-tmp-'));
  const server = await startServer({ TMPDIR: tempDir, TMP: tempDir, TEMP: tempDir });
  const port = Number(new URL(server.origin).port);
  const created: string[] = [];
  // 'rename' is both creation and removal: a name that still exists was created.
  const watcher = watch(tempDir, { recursive: true }, (event, name) => {
    if (event === 'rename' && name !== null && existsSync(join(tempDir, name))) created.push(name);
  });
  // The banner ends with the development-server warning, printed just after the listening line.
  for (
    let waited = 0;
    !server.output().includes('Use `reins serve`') && waited < 2_000;
    waited += 10
  )
    await delay(10);
  let consumed = server.output().length;

  const accessLineCount = (text: string) =>
    text.split('\n').filter((line) => ACCESS_LINE.test(line)).length;

  async function observe(bytes: string | Buffer): Promise<Observation> {
    created.length = 0;
    let tempBytes = directorySize(tempDir);
    const sampler = setInterval(() => {
      tempBytes = Math.max(tempBytes, directorySize(tempDir));
    }, 2);
    const before = cpuTimeNs(server.pid);
    const answer = await rawExchange(port, bytes);
    // The access line is written when the response has finished; records come before it. A
    // request Node's parser refused never reaches the app and writes nothing: wait briefly.
    const deadline = Date.now() + (refusedByNode(answer) ? 50 : 5_000);
    while (accessLineCount(server.output().slice(consumed)) === 0 && Date.now() < deadline) {
      await delay(2);
    }
    const cpuNs = cpuTimeNs(server.pid) - before;
    clearInterval(sampler);
    tempBytes = Math.max(tempBytes, directorySize(tempDir));
    const output = server.output();
    const added = output.slice(consumed);
    consumed = output.length;
    const logLines = added === '' ? [] : added.replace(/\n$/, '').split('\n');
    return { answer, cpuNs, logLines, tempBytes, tempFiles: [...created] };
  }

  return {
    server,
    port,
    tempDir,
    observe,
    tempSize: () => directorySize(tempDir),
    stop: async () => {
      watcher.close();
      await server.stop();
      rmSync(tempDir, { recursive: true, force: true });
    },
  };
}
