import { startRedis } from '@reins/test-servers';
import { redisBench } from './micro.js';
const server = await startRedis();
try {
  await redisBench(server.url);
} finally {
  await server.stop();
}
process.exit(0);
