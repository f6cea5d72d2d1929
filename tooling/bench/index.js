// @ts-check
/**
 * The benches' shared helpers: mitata groups against a floor, medians over rounds and their
 * ratios, and a server in a pinned child process under autocannon's load.
 */
export { benchGroups } from './bench-groups.js';
export { loadTest } from './load-test.js';
export { medianOfRounds } from './mitata-rounds.js';
export { canPin, serveForBench, serverCpu, spawnServer, stopServer } from './server-process.js';
export { median, ratioSummary } from './stats.js';
