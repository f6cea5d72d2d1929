/* eslint-disable @typescript-eslint/no-explicit-any -- a project's database schema and Redis modules are its own; the stores accept any, as Kysely's own Migration type does. */
import type { Kysely } from 'kysely';
import type { RedisClientType } from 'redis';

/** A Kysely instance over any schema. */
export type AnyKysely = Kysely<any>;

/** A node-redis client with any modules, functions, scripts, RESP version and type mapping. */
export type AnyRedisClient = RedisClientType<any, any, any, any, any>;
