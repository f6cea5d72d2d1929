/**
 * The suites again with every template compiled at once (the default walks a template's parse
 * tree for its first renders, and the suites mostly render each template once): Django's own
 * template tests replayed, the recorded tag and conformance vectors, the engine's tests and the filters through the engine. Not
 * the 2,400 recorded random templates (`random.test.ts`): twice, they would add about 10 s of CPU
 * to the package's tests; `cold-hot.property.test.ts` compares the two paths on random templates
 * of the same kind instead. `walked-path.test.ts` runs the engine's tests with no template ever
 * compiled.
 */
import { setColdRenders } from '../src/internal/interpret/hot-threshold.js';

setColdRenders(0);
await import('./django-suite.test.js');
await import('./tags.test.js');
await import('./conformance.test.js');
await import('./engine.test.js');
await import('../src/filters/engine-integration.test.js');
