/**
 * The engine's tests with no template ever compiled (the tree walker takes every template it
 * can; others compile at once): those tests render the same template many times, which the
 * default would compile after its first renders. See `compiled-path.test.ts` for the other path.
 */
import { setColdRenders } from '../src/internal/interpret/hot-threshold.js';

setColdRenders(Infinity);
await import('./engine.test.js');
