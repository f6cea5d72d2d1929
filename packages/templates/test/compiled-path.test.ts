/**
 * The suites again with every template compiled at once (the default walks a template's parse
 * tree for its first renders, and the suites mostly render each template once): Django's own
 * template tests replayed, the recorded tag, conformance and random-template vectors, and the
 * engine's tests. `cold-hot.property.test.ts` compares the two paths on random templates, and
 * `walked-path.test.ts` runs the engine's tests with no template ever compiled.
 */
import { setColdRenders } from '../src/internal/interpret/hot-threshold.js';

setColdRenders(0);
await import('./django-suite.test.js');
await import('./tags.test.js');
await import('./conformance.test.js');
await import('./random.test.js');
await import('./engine.test.js');
