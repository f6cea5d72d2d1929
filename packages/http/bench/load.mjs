/* global process, URL */
// Load generator, run as a child process so it does not share the servers' event loop:
// a bounded number of keep-alive GETs over `connections` sockets, printing requests per second.
import { Pool } from 'undici';

const [url, totalText = '20000', connectionsText = '32'] = process.argv.slice(2);
const total = Number(totalText);
const connections = Number(connectionsText);
const { origin, pathname, search } = new URL(url);
const pool = new Pool(origin, { connections, pipelining: 1 });
let sent = 0;
let failed = 0;

async function worker() {
  while (sent < total) {
    sent += 1;
    const { statusCode, body } = await pool.request({ path: pathname + search, method: 'GET' });
    await body.dump();
    if (statusCode !== 200) failed += 1;
  }
}

// Warm-up, not measured.
for (let i = 0; i < 500; i += 1) {
  const { body } = await pool.request({ path: pathname + search, method: 'GET' });
  await body.dump();
}
const started = process.hrtime.bigint();
await Promise.all(Array.from({ length: connections }, worker));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
await pool.close();
process.stdout.write(
  JSON.stringify({ requests: sent, failed, seconds, rps: sent / seconds }) + '\n',
);
