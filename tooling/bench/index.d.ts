export declare function benchGroups(
  title: string,
  groups: Array<[string, Array<[string, () => unknown]>]>,
): Promise<void>;

/** The middle value (the mean of the two middle ones for an even count); `NaN` for none. */
export declare function median(values: readonly number[]): number;

/** `1.04× [0.97–1.10] met`: the median of per-round ratios, their range, and the goal (default 1). */
export declare function ratioSummary(ratios: readonly number[], goal?: number): string;

/** Run mitata's registered cases `rounds` times (default 3); each case's median over rounds of its p50, ns. */
export declare function medianOfRounds(rounds?: number): Promise<Map<string, number>>;

/** Whether `taskset` can pin processes here (pins this one to core 0 when it can); `BENCH_PIN=0` turns it off. */
export declare function canPin(): boolean;

/** Start `node <script> ...args` with this process's execArgv, on core 1 when `pinned`; resolves with the port it reports. */
export declare function spawnServer(
  script: string,
  args: readonly string[],
  pinned: boolean,
): Promise<{ proc: import('node:child_process').ChildProcess; port: number }>;

/** In the child: report `port` to the parent and answer its CPU-time questions. */
export declare function serveForBench(port: number): void;

/** The child's CPU time so far (user + system), µs. */
export declare function serverCpu(proc: import('node:child_process').ChildProcess): Promise<number>;

/** Kill the child and wait until it has exited. */
export declare function stopServer(proc: import('node:child_process').ChildProcess): Promise<void>;

/** autocannon against `url` for `duration` seconds, no pipelining. */
export declare function loadTest(
  url: string,
  options: { connections: number; duration: number; headers?: Record<string, string> },
): Promise<import('autocannon').Result>;
