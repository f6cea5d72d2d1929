/**
 * The servers the benchmark compares, each serving the same collected directory under /static/:
 * reins (`staticFilesMiddleware` behind @reins/http's Node adapter, as `reins serve` runs it),
 * Fastify with `@fastify/static` (`preCompressed: true`, so it sends the same .br/.gz files) and
 * Express with `serve-static` (plus `compression()` for gzip, Express's usual way).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fastifyStatic from '@fastify/static';
import compression from 'compression';
import express from 'express';
import Fastify from 'fastify';
import serveStatic from 'serve-static';
import { Http404, HttpResponse, requestFromNode, writeNodeResponse } from '@reins/http';
import type { HttpResponseBase } from '@reins/http';
import { Staticfiles, staticFilesMiddleware } from '../src/index.js';

export const TARGETS = ['reins', 'fastify-static', 'express-static'] as const;
export type TargetName = (typeof TARGETS)[number];

async function reins(root: string): Promise<number> {
  const staticfiles = new Staticfiles({ staticUrl: '/static/', staticRoot: root });
  const handler = staticFilesMiddleware(staticfiles)(() => new HttpResponse('app'));
  const server = createServer((incoming, outgoing) => {
    const request = requestFromNode(incoming, { allowedHosts: ['*'] });
    const answer = (response: HttpResponseBase): void => {
      void writeNodeResponse(response, outgoing, request);
    };
    const fail = (error: unknown): void =>
      answer(new HttpResponse('', { status: Http404.isInstance(error) ? 404 : 500 }));
    try {
      const result = handler(request);
      if (result instanceof Promise) result.then(answer, fail);
      else answer(result);
    } catch (error) {
      fail(error);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function fastify(root: string): Promise<number> {
  const app = Fastify({ logger: false });
  await app.register(fastifyStatic, { root, prefix: '/static/', preCompressed: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return (app.server.address() as AddressInfo).port;
}

async function expressStatic(root: string): Promise<number> {
  const app = express();
  app.use(compression());
  app.use('/static', serveStatic(root));
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () =>
      resolve((server.address() as AddressInfo).port),
    );
  });
}

/** Start `name` serving `root`; resolves with its port. */
export function startTarget(name: TargetName, root: string): Promise<number> {
  if (name === 'reins') return reins(root);
  if (name === 'fastify-static') return fastify(root);
  return expressStatic(root);
}
