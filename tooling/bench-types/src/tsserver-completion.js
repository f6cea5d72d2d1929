// @ts-check
/**
 * Completion latency inside `reverse('`, measured as an editor sees it: a script that speaks
 * tsserver's protocol over stdio (`typescript/lib/tsserver.js`, JSON requests in, Content-Length
 * framed JSON out) opens a file of the generated project, types `reverse('` at its end and asks
 * for completions. The first answer includes loading the project; each later one follows an edit
 * (a character typed and removed elsewhere in the file), so the checker starts afresh, as it does
 * while one types.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { median } from './time-tsc.js';

const require = createRequire(import.meta.url);
const tsserverPath = require.resolve('typescript/lib/tsserver.js');

/** A tsserver child process with a request/response helper. */
class TsServer {
  /** @type {import('node:child_process').ChildProcessWithoutNullStreams} */
  #child;
  #seq = 0;
  #buffer = Buffer.alloc(0);
  /** @type {Map<number, (body: any) => void>} */
  #pending = new Map();

  constructor() {
    this.#child = spawn(
      process.execPath,
      [tsserverPath, '--disableAutomaticTypingAcquisition', '--suppressDiagnosticEvents'],
      { stdio: ['pipe', 'pipe', 'pipe'] },
    );
    this.#child.stdout.on('data', (chunk) => this.#read(chunk));
  }

  /** @param {Buffer} chunk */
  #read(chunk) {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const headerEnd = this.#buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(
        /Content-Length: (\d+)/.exec(this.#buffer.subarray(0, headerEnd).toString())?.[1],
      );
      const start = headerEnd + 4;
      if (this.#buffer.length < start + length) return;
      const message = JSON.parse(this.#buffer.subarray(start, start + length).toString('utf8'));
      this.#buffer = this.#buffer.subarray(start + length);
      if (message.type === 'response') this.#pending.get(message.request_seq)?.(message);
    }
  }

  /**
   * @param {string} command
   * @param {object} args
   * @returns {Promise<any>}
   */
  request(command, args) {
    const seq = ++this.#seq;
    return new Promise((resolve) => {
      this.#pending.set(seq, resolve);
      this.#child.stdin.write(
        JSON.stringify({ seq, type: 'request', command, arguments: args }) + '\n',
      );
    });
  }

  /** @param {string} command @param {object} args */
  notify(command, args) {
    this.#child.stdin.write(
      JSON.stringify({ seq: ++this.#seq, type: 'request', command, arguments: args }) + '\n',
    );
  }

  /** CPU milliseconds the server has used so far (Linux /proc; NaN elsewhere). */
  cpuMs() {
    try {
      const fields = readFileSync(`/proc/${this.#child.pid}/stat`, 'utf8')
        .split(') ')[1]
        ?.split(' ');
      // utime and stime, in clock ticks (100 per second on Linux).
      return (Number(fields?.[11]) + Number(fields?.[12])) * 10;
    } catch {
      return NaN;
    }
  }

  close() {
    this.#child.kill();
  }
}

/**
 * @param {string} file a file of the project, to which a line is added
 * @param {string} call what is typed on that line before the quote (`reverse(`)
 * @param {number} rounds completions after an edit
 * @returns {Promise<{ first: number; firstCpu: number; warm: number; warmCpu: number; entries: number; sample: string[] }>}
 */
export async function completionLatency(file, call, rounds) {
  const server = new TsServer();
  try {
    const probe = `${readFileSync(file, 'utf8')}\nexport const probe = ${call}'`;
    const lines = probe.split('\n');
    const line = lines.length;
    const offset = /** @type {string} */ (lines.at(-1)).length + 1;
    server.notify('open', { file, fileContent: probe, scriptKindName: 'TS' });
    const ask = async () => {
      const cpuBefore = server.cpuMs();
      const started = process.hrtime.bigint();
      const response = await server.request('completionInfo', {
        file,
        line,
        offset,
        triggerCharacter: "'",
        includeExternalModuleExports: false,
      });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      return {
        ms,
        cpu: server.cpuMs() - cpuBefore,
        entries: /** @type {Array<{ name: string }>} */ (response.body?.entries ?? []),
      };
    };
    const first = await ask();
    /** @type {number[]} */
    const warm = [];
    /** @type {number[]} */
    const warmCpu = [];
    for (let i = 0; i < rounds; i++) {
      // Type a character on line 1 and take it back: the program is stale, as after a keystroke.
      const insert = i % 2 === 0 ? ' ' : '';
      server.notify('change', {
        file,
        line: 1,
        offset: 1,
        endLine: 1,
        endOffset: i % 2 === 0 ? 1 : 2,
        insertString: insert,
      });
      const answer = await ask();
      warm.push(answer.ms);
      warmCpu.push(answer.cpu);
    }
    return {
      first: first.ms,
      firstCpu: first.cpu,
      warm: median(warm),
      warmCpu: median(warmCpu),
      entries: first.entries.length,
      sample: first.entries.slice(0, 3).map((entry) => entry.name),
    };
  } finally {
    server.close();
  }
}
