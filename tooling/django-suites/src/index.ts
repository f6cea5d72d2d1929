/**
 * @reins/django-suites — replay Django 3.2's own test suites (recorded by `record.py`) against reins.
 *
 * @example
 * import { replaySuite, summarize } from '@reins/django-suites';
 * const results = await replaySuite(fixtures, mapper, skips);
 * console.log(summarize(results));
 *
 * @module
 */
export {
  replaySuite,
  replayTest,
  summarize,
  type CaseResult,
  type Mapper,
  type SuiteSummary,
} from './replay.js';
export { describeReplay, type ReplayOptions } from './describe-replay.js';
export { FUNCTIONS_ONLY } from './functions-only.js';
export { standInView } from './stand-in-view.js';
export { loadFixtures, loadSkips, formatSummary } from './files.js';
export {
  signature,
  type Json,
  type Op,
  type RecordedTest,
  type SkipList,
  type SuiteFixture,
} from './trace.js';
export {
  decode,
  latin1Bytes,
  PyCallable,
  PyDate,
  PyDateTime,
  PyDecimal,
  PyDict,
  PyFile,
  PySafe,
  PyStream,
  Unmapped,
  Unrecordable,
} from './values.js';
export {
  camelKeys,
  describeResponse,
  isResponse,
  recordedRequest,
  requestTarget,
  type DescribeOptions,
  type RecordedRequest,
  type ResponseLike,
} from './exchange.js';
