/**
 * `pnpm bench`: cache operations against cache-manager and lru-cache (micro.ts), then a
 * cachePage-cached route over real sockets against the same route uncached and raw node:http
 * serving the page as a constant (sockets.ts).
 */
import { missingServer, startRedis } from '@reins/test-servers';
import { memoryBench, redisBench } from './micro.js';
import { child, socketsBench } from './sockets.js';

if (process.argv[2] === '--serve') {
  await child(process.argv[3]!);
} else {
  console.log(`@reins/cache benchmark (Node ${process.version})`);
  await memoryBench();
  const missing = missingServer('redis');
  if (missing) {
    console.log(`\nRedis: skipped. ${missing}`);
  } else {
    const server = await startRedis();
    try {
      await redisBench(server.url);
    } finally {
      await server.stop();
    }
  }
  await socketsBench(new URL(import.meta.url));
  process.exit(0);
}
