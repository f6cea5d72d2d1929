/**
 * The shape of a fixture written by record.py: per Django test, the calls its code made into the
 * API under test, each with Django's answer.
 */

/** A JSON value as record.py writes it (tagged objects such as `{"$bytes": …}` stand for Python values). */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Django's exception for an op that raised. */
interface Raised {
  readonly type: string;
  readonly message: string;
}

/** One recorded call: a constructor, method call, attribute read or write, or module function. */
export interface Op {
  readonly op: 'new' | 'call' | 'get' | 'set' | 'fn';
  /** Class name, for `new`. */
  readonly type?: string;
  /** The object's reference number, for `call`, `get` and `set`. */
  readonly target?: number;
  /** Method, attribute or dotted function name. */
  readonly name?: string;
  readonly args?: Json[];
  readonly kwargs?: Record<string, Json>;
  /** The value written, for `set`. */
  readonly value?: Json;
  readonly result?: Json;
  readonly raises?: Raised;
  /** Why record.py could not express the inputs as data. */
  readonly unrecordable?: string;
  /** A bare HttpRequest's attributes (method, path, path_info, META) as of this op, when they changed. */
  readonly state?: Record<string, Json>;
  /** Django settings a request reads (ALLOWED_HOSTS…), as of this op, when they changed within the test. */
  readonly settings?: Record<string, Json>;
  /** The urlconf module in effect for resolve()/reverse() (described in the fixture's `urlconfs`). */
  readonly urlconf?: Json;
  /** Django's script prefix (set_script_prefix()) for reverse(), when not '/'. */
  readonly script_prefix?: string;
}

/** One Django test method's trace. */
export interface RecordedTest {
  /** How the test itself fared under Django while being recorded. */
  readonly outcome: 'pass' | 'fail' | 'skipped';
  readonly ops: readonly Op[];
}

/** A fixture file: one Django test module. */
export interface SuiteFixture {
  readonly generated_by: string;
  readonly module: string;
  readonly tests: Readonly<Record<string, RecordedTest>>;
  /** For the urls suites: each urlconf module the ops name, as data. */
  readonly urlconfs?: Readonly<Record<string, Json>>;
}

/**
 * The skip list of a package: differences kept on purpose, each with its reason. `apis` keys are op
 * signatures (`call QueryDict.__getitem__`, `new WSGIRequest`, `fn django.utils.http.urlquote`) and
 * apply to every case of that API that differs; `cases` keys are a case id (`<test id>#<index>`) or
 * a whole test id, and must differ (a listed case that passes fails the suite: delete its line);
 * `unstable` keys (case or test ids) are not replayed.
 */
export interface SkipList {
  readonly apis: Readonly<Record<string, string>>;
  readonly cases: Readonly<Record<string, string>>;
  /**
   * Cases or tests not replayed at all, with the reason: Django's answer depends on the clock or on
   * chance at recording time, so reins may agree or not by luck.
   */
  readonly unstable: Readonly<Record<string, string>>;
}

/** The signature of an op, as skip lists name it. */
export function signature(op: Op, targetType: string | undefined): string {
  switch (op.op) {
    case 'new':
      return `new ${op.type ?? '?'}`;
    case 'fn':
      return `fn ${op.name ?? '?'}`;
    default:
      return `${op.op} ${targetType ?? '?'}.${op.name ?? '?'}`;
  }
}
