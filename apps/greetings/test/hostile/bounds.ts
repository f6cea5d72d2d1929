/**
 * The bounds every request to the demo must keep, as checks that return what is wrong (empty
 * when nothing is), so one suite can report every breach of a corpus at once.
 */
import {
  ACCESS_LINE,
  refusedByNode,
  type DemoUnderTest,
  type Observation,
} from './demo-under-test.js';
import { httpRequest } from './raw-http.js';

// Control characters (C0, DEL, C1), format characters and line separators: none may reach a log.
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/**
 * A request may cost this many times the CPU of the cheapest page (`/greetings/`): generous, so
 * machine load and GC never make it flaky, yet 2–3 orders of magnitude below what issue #19's
 * inputs cost before the fixes (seconds for one request).
 */
export const CPU_FACTOR = 200;

/**
 * Bytes a request may leave in the temp directory at any moment. No demo view reads a body, and
 * a body is parsed only when a view reads it (Django's lazy `request.POST`), so nothing may spill:
 * the upload limits (`dataUploadMaxMemorySize`, the total and per-file limits) bound the views
 * that do read, and are tested in `@reins/http`.
 */
const TEMP_BYTES_BOUND = 0;

/** The median server CPU time of `runs` requests for the demo's cheapest page, in ns. */
export async function baselineCpuNs(demo: DemoUnderTest, runs = 15): Promise<number> {
  const samples: number[] = [];
  // The first requests warm the JIT and the template caches; they are not the baseline.
  for (let i = 0; i < runs + 5; i++) {
    const observation = await demo.observe(httpRequest('/greetings/'));
    if (i >= 5) samples.push(observation.cpuNs);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

/** What is wrong with the request's log lines: one access line, each line clean, no stacks. */
export function logProblems(observation: Observation): string[] {
  return [...accessLogProblems(observation), ...multilineProblems(observation)];
}

/** Lines that continue a record (a stack's frames): a record must be a single line. */
export function multilineProblems(observation: Observation): string[] {
  return observation.logLines
    .filter((line) => /^\s/.test(line))
    .map((line) => `a record spans lines: ${JSON.stringify(line)}`);
}

/**
 * What is wrong with the request's log lines other than multi-line records: one access line
 * last, no control characters, at most Django's two records before it.
 */
export function accessLogProblems(observation: Observation): string[] {
  const { logLines, answer } = observation;
  const problems: string[] = [];
  if (refusedByNode(answer)) {
    // Node's parser answered; the demo never saw the request, so it has nothing to log.
    if (logLines.length > 0)
      problems.push(`a request Node refused logged ${logLines.length} lines`);
    return problems;
  }
  const access = logLines.filter((line) => ACCESS_LINE.test(line));
  if (access.length !== 1)
    problems.push(
      `${access.length} access lines, expected 1 (answer ${JSON.stringify(answer.received.slice(0, 120))})`,
    );
  else if (!ACCESS_LINE.test(logLines.at(-1)!)) problems.push('a line after the access line');
  for (const line of logLines) {
    if (UNSAFE.test(line)) problems.push(`control character in log line ${JSON.stringify(line)}`);
  }
  // A stack's `Name: message` line heads its frames; it is part of the record above it.
  const frame = (line: string | undefined) => line !== undefined && /^\s/.test(line);
  const records = logLines.filter((line, i) => !frame(line) && !frame(logLines[i + 1])).length - 1;
  if (records > 2) problems.push(`${records} records for one request`);
  return problems;
}

/**
 * Whether the server answered (its access line says so) but the client received nothing: the
 * server closed with part of an unread body still in flight, so the kernel reset the connection
 * and dropped the answer. Timing decides (a 4–32 MB upload nobody reads loses its answer in about
 * a third of tries); Django's runserver reads the rest of the body before closing
 * (`ServerHandler.close()` → `_read_limited()`), reins does not yet.
 */
export function lostToReset(observation: Observation): boolean {
  return (
    observation.answer.received === '' &&
    !observation.answer.timedOut &&
    observation.logLines.some((line) => ACCESS_LINE.test(line))
  );
}

/** What is wrong with the answer itself: not HTTP/1.1, a hang, or a server error. */
export function answerProblems(observation: Observation): string[] {
  const { answer } = observation;
  if (answer.timedOut) return ['no answer before the timeout'];
  if (answer.malformed !== null) return [`malformed answer: ${answer.malformed}`];
  if (answer.status! >= 500 && answer.status !== 505)
    return [`server error ${answer.status}: ${answer.body.slice(0, 200)}`];
  return [];
}

/** What is wrong with the disk use: the temp directory must stay within the bound. */
export function diskProblems(observation: Observation): string[] {
  const problems: string[] = [];
  if (observation.tempBytes > TEMP_BYTES_BOUND)
    problems.push(`temp directory reached ${observation.tempBytes} bytes`);
  if (observation.tempFiles.length > 0)
    problems.push(`temp files created: ${observation.tempFiles.join(', ')}`);
  return problems;
}
