// @ts-check
import assert from 'node:assert/strict';
import { createConnection } from 'node:net';
import { test } from 'node:test';
import { missingServer, startPostgres, startRedis } from './index.js';

/** @param {number} port @param {string} command */
function send(port, command) {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => socket.write(command));
    socket.once('data', (data) => {
      socket.end();
      resolve(data.toString());
    });
    socket.on('error', reject);
  });
}

test('redis answers PING and stops', { skip: missingServer('redis') }, async () => {
  const redis = await startRedis();
  try {
    assert.equal(await send(redis.port, 'PING\r\n'), '+PONG\r\n');
    await redis.kill();
    await assert.rejects(send(redis.port, 'PING\r\n'));
    await redis.restart();
    assert.equal(await send(redis.port, 'PING\r\n'), '+PONG\r\n');
  } finally {
    await redis.stop();
  }
});

test('postgres accepts connections', { skip: missingServer('postgres') }, async () => {
  const pg = await startPostgres();
  try {
    assert.match(pg.url, /^postgres:\/\/postgres@127\.0\.0\.1:\d+\/postgres$/);
  } finally {
    await pg.stop();
  }
});

test('postgres restarts after kill()', { skip: missingServer('postgres') }, async () => {
  const pg = await startPostgres();
  try {
    await pg.kill();
    await pg.restart();
    assert.match(pg.url, /127\.0\.0\.1/);
  } finally {
    await pg.stop();
  }
});
