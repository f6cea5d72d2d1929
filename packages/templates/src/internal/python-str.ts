/**
 * Python's `str()` and `repr()` live in `@reins/core` (its `markSafe`/`escape` need them); the
 * engine's modules keep importing them from here.
 *
 * @module
 */
export {
  isPlainObject,
  isPyInt,
  pyDatetimeStr,
  pyFloatRepr,
  pyNumberStr,
  pyRepr,
  pyStr,
  pyStringRepr,
} from '@reins/core';
