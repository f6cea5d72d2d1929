/**
 * The object ops of a mapper whose suite records only module-level calls (`fn` ops: middleware
 * calls, exchanges): any `new`, method call or attribute op is unmapped.
 */
import { Unmapped } from './values.js';
import type { Mapper } from './replay.js';

/** Spread into a mapper whose cases are all `fn` ops. */
export const FUNCTIONS_ONLY: Pick<Mapper, 'construct' | 'call' | 'get' | 'set'> = {
  construct(type) {
    throw new Unmapped(`new ${type}`);
  },
  call(_target, type, name) {
    throw new Unmapped(`${type}.${name}`);
  },
  get(_target, type, name) {
    throw new Unmapped(`${type}.${name}`);
  },
  set(_target, type, name) {
    throw new Unmapped(`${type}.${name}`);
  },
};
