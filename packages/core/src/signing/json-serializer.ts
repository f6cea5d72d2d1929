/**
 * Django's `signing.JSONSerializer`: `json.dumps(obj, separators=(',', ':'))` encoded as
 * Latin-1, byte for byte — non-ASCII escaped as `\uXXXX` (Python's `ensure_ascii`), numbers in
 * Python's notation — and `json.loads` of the Latin-1 text back.
 *
 * @module
 */
import { Buffer } from 'node:buffer';
import { Ancestors } from './internal/ancestors.js';
import { pythonNumberRepr } from './internal/python-float.js';
import { pythonJsonLoads } from './python-json-loads.js';

/** What `signObject()`/`dumps()` use to turn a value into bytes and back (Django's `serializer`). */
export interface Serializer {
  /** The value as bytes. */
  dumps(value: unknown): Uint8Array;
  /** The value back from those bytes. */
  loads(data: Uint8Array): unknown;
}

// Python's ensure_ascii escapes DEL and everything above it; JSON.stringify leaves them raw.
const NON_ASCII = /[\u007f-\uffff]/;
const NON_ASCII_ALL = /[\u007f-\uffff]/g;

function escapeUnit(unit: string): string {
  return '\\u' + unit.charCodeAt(0).toString(16).padStart(4, '0');
}

// Printable ASCII without '"' or '\\': the same text in quotes in both languages.
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

function quote(text: string): string {
  // Most keys and values of a session: no JSON.stringify call needed.
  if (PLAIN.test(text)) return '"' + text + '"';
  // JSON.stringify already escapes quotes, backslashes, control characters and lone surrogates
  // exactly as Python does (short forms \b \f \n \r \t, else \u00xx in lower case).
  const json = JSON.stringify(text);
  return NON_ASCII.test(json) ? json.replace(NON_ASCII_ALL, escapeUnit) : json;
}

function number(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  return pythonNumberRepr(value);
}

function write(value: unknown, seen: Ancestors): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return number(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      throw new TypeError(`Object of type ${typeof value} is not JSON serializable.`);
  }
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return write(toJSON.call(value), seen);
  seen.enter(value);
  let out: string;
  if (Array.isArray(value)) {
    out = '[';
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index];
      if (index > 0) out += ',';
      out += isSkipped(item) ? 'null' : write(item, seen);
    }
    out += ']';
  } else {
    out = '{';
    let first = true;
    for (const key of Object.keys(value)) {
      const item = (value as Record<string, unknown>)[key];
      if (isSkipped(item)) continue;
      out += (first ? '' : ',') + quote(key) + ':' + write(item, seen);
      first = false;
    }
    out += '}';
  }
  seen.leave(value);
  return out;
}

// What JSON.stringify leaves out of objects (and writes as null in arrays).
function isSkipped(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * Python's `json.dumps(value, separators=(',', ':'))` for a JSON value: compact, ASCII-only
 * (`\uXXXX` escapes), safe integers as Python ints and other numbers as Python floats
 * (`1e-05`, `1.5e+300`), `NaN`/`Infinity` as Python writes them. Objects' `toJSON()` is used,
 * like `JSON.stringify`; a bigint, function or symbol at the top throws `TypeError`.
 *
 * @example
 * pythonJsonDumps({ name: 'Jörg', n: 1e-5 }); // '{"name":"J\\u00f6rg","n":1e-05}'
 */
export function pythonJsonDumps(value: unknown): string {
  return write(value, new Ancestors());
}

/**
 * Django's `JSONSerializer`, the default serializer of `dumps()`/`signObject()`.
 *
 * @example
 * new TextDecoder().decode(JSONSerializer.dumps({ a: [1, 2] })); // '{"a":[1,2]}'
 */
export const JSONSerializer: Serializer = {
  dumps(value: unknown): Uint8Array {
    // ASCII only, so Latin-1 (Django's encoding here) is one byte per character.
    return Buffer.from(pythonJsonDumps(value), 'latin1');
  },
  loads(data: Uint8Array): unknown {
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    return pythonJsonLoads(bytes.toString('latin1'));
  },
};
