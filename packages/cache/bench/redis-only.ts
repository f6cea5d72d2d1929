/** The Redis half of the benchmark alone: `node --conditions=@reins/source --import tsx bench/redis-only.ts`. */
import { startRedis } from '@reins/test-servers';
import { redisBench } from './micro.js';
const server = await startRedis();
try {
  await redisBench(server.url);
} finally {
  await server.stop();
}
process.exit(0);
