/**
 * Charsets by Python's rules, which Django's decoding is defined by: a label is known when
 * Python's `codecs.lookup()` knows it (the table in `python-codecs.ts`), and bytes are decoded as
 * Python's codec does. `TextDecoder` follows the WHATWG Encoding standard instead, which maps
 * `iso-8859-1`, `latin1` and `ascii` to windows-1252 and lacks ISO-8859-16 and the Mac code pages.
 * So single-byte codecs decode with Python's own tables (generated into `python-codecs.ts`; iconv-lite's
 * differ from Python's in a few places, such as the Mac code pages and TIS-620's C1 range),
 * multi-byte ones (Shift_JIS, GB18030, Big5, EUC-*, UTF-16/32) with iconv-lite, and UTF-8 with
 * `TextDecoder` (fast). A label Python knows that none of them can decode (HZ, Johab, ISO-2022-KR,
 * …) is an error naming it, never a silent decode with another charset.
 */
import { Buffer } from 'node:buffer';
import iconv from 'iconv-lite';
import { BadRequest } from '../errors.js';
import { PYTHON_CHARMAPS, PYTHON_CODECS } from './python-codecs.js';

/** Decodes and encodes one charset the way Python's codec does (`errors='replace'` on decode). */
export interface Charset {
  /** Python's name of the codec (`'iso8859-16'`). */
  readonly name: string;
  /** Bytes → text; invalid bytes become U+FFFD. */
  decode(bytes: Uint8Array): string;
  /** Bytes → text, or `null` when the bytes are not valid in this charset. */
  decodeStrict(bytes: Uint8Array): string | null;
  /** Text → bytes; `null` when a character cannot be encoded (Python's `UnicodeEncodeError`). */
  encode(text: string): Uint8Array | null;
}

/** Python's normalisation of a codec label (`codecs.lookup` lower-cases, `normalize_encoding`). */
function normaliseLabel(label: string): string {
  return label
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** Python's codec name for `label` (`codecs.lookup(label).name`), `undefined` when unknown. */
export function pythonCodecName(label: string): string | undefined {
  const normal = normaliseLabel(label);
  return PYTHON_CODECS[normal] ?? PYTHON_CODECS[normal.replaceAll('.', '_')];
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const utf8Sig = new TextDecoder('utf-8');
const utf8SigStrict = new TextDecoder('utf-8', { fatal: true });

function strictFrom(decoder: TextDecoder, bytes: Uint8Array): string | null {
  try {
    return decoder.decode(bytes);
  } catch {
    return null;
  }
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function utf8Encode(text: string): Uint8Array | null {
  // A lone surrogate cannot be encoded (Python raises); Buffer would write U+FFFD.
  return LONE_SURROGATE.test(text) ? null : Buffer.from(text, 'utf8');
}

const UTF8: Charset = {
  name: 'utf-8',
  decode: (bytes) => utf8.decode(bytes),
  decodeStrict: (bytes) => strictFrom(utf8Strict, bytes),
  encode: utf8Encode,
};

const UTF8_SIG: Charset = {
  name: 'utf-8-sig',
  decode: (bytes) => utf8Sig.decode(bytes),
  decodeStrict: (bytes) => strictFrom(utf8SigStrict, bytes),
  encode: (text) => {
    const body = utf8Encode(text);
    return body === null ? null : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]);
  },
};

export const LATIN1: Charset = {
  name: 'iso8859-1',
  decode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1'),
  decodeStrict: (bytes) => LATIN1.decode(bytes),
  // eslint-disable-next-line no-control-regex
  encode: (text) => (/[^\x00-\xff]/.test(text) ? null : Buffer.from(text, 'latin1')),
};

const ASCII: Charset = {
  name: 'ascii',
  decode: (bytes) => {
    let out = '';
    for (const byte of bytes) out += byte < 0x80 ? String.fromCharCode(byte) : '\uFFFD';
    return out;
  },
  decodeStrict: (bytes) => (bytes.every((byte) => byte < 0x80) ? ASCII.decode(bytes) : null),
  // eslint-disable-next-line no-control-regex
  encode: (text) => (/[^\x00-\x7f]/.test(text) ? null : Buffer.from(text, 'latin1')),
};

function charmapCharset(name: string, table: string): Charset {
  const offset = table.length === 128 ? 128 : 0;
  const chars = [...table];
  const encoding = new Map<string, number>();
  for (let byte = 255; byte >= 0; byte -= 1) {
    const char = byte < offset ? String.fromCharCode(byte) : chars[byte - offset]!;
    if (char !== '\uFFFD') encoding.set(char, byte);
  }
  const decode = (bytes: Uint8Array): string => {
    let out = '';
    for (const byte of bytes)
      out += byte < offset ? String.fromCharCode(byte) : chars[byte - offset];
    return out;
  };
  return {
    name,
    decode,
    decodeStrict: (bytes) => {
      const text = decode(bytes);
      return text.includes('\uFFFD') ? null : text;
    },
    encode: (text) => {
      const out = new Uint8Array(text.length);
      let i = 0;
      for (const char of text) {
        const byte = encoding.get(char);
        if (byte === undefined) return null;
        out[i++] = byte;
      }
      return out.subarray(0, i);
    },
  };
}

function iconvCharset(name: string, iconvName: string): Charset {
  const charset: Charset = {
    name,
    decode: (bytes) =>
      iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), iconvName),
    // iconv-lite has no strict mode: a byte it cannot map decodes to U+FFFD, so a U+FFFD the
    // re-encoded text does not reproduce marks invalid input.
    decodeStrict: (bytes) => {
      const text = charset.decode(bytes);
      if (!text.includes('\uFFFD')) return text;
      const again = iconv.encode(text, iconvName);
      return Buffer.compare(again, Buffer.from(bytes)) === 0 ? text : null;
    },
    encode: (text) => {
      const bytes = iconv.encode(text, iconvName);
      // iconv-lite writes '?' for what it cannot encode; Python raises UnicodeEncodeError.
      return iconv.decode(bytes, iconvName) === text ? bytes : null;
    },
  };
  return charset;
}

function textDecoderCharset(name: string, label: string): Charset | undefined {
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return undefined;
  }
  // WHATWG maps many labels to other encodings; only an exact match decodes as Python does.
  if (decoder.encoding !== label) return undefined;
  const strict = new TextDecoder(label, { fatal: true });
  return {
    name,
    decode: (bytes) => decoder.decode(bytes),
    decodeStrict: (bytes) => strictFrom(strict, bytes),
    encode: () => null,
  };
}

const charsets = new Map<string, Charset | null>([
  ['utf-8', UTF8],
  ['utf-8-sig', UTF8_SIG],
  ['iso8859-1', LATIN1],
  ['ascii', ASCII],
]);

function charsetForCodec(name: string): Charset | null {
  let charset = charsets.get(name);
  if (charset !== undefined) return charset;
  charset = null;
  const table = PYTHON_CHARMAPS[name];
  if (table !== undefined) {
    charset = charmapCharset(name, table);
    charsets.set(name, charset);
    return charset;
  }
  for (const candidate of [name, name.replace(/[-_]/g, ''), name.replaceAll('_', '-')]) {
    if (iconv.encodingExists(candidate)) {
      charset = iconvCharset(name, candidate);
      break;
    }
  }
  charset ??= textDecoderCharset(name, name.replaceAll('_', '-')) ?? null;
  charsets.set(name, charset);
  return charset;
}

/**
 * The charset for `label` as Python's `codecs.lookup()` resolves it: `undefined` when Python does
 * not know the label.
 *
 * @throws {BadRequest} when Python knows the label but reins cannot decode it.
 */
export function lookupCharset(label: string): Charset | undefined {
  if (label === 'utf-8' || label === 'UTF-8' || label === 'utf8') return UTF8;
  const name = pythonCodecName(label);
  if (name === undefined) return undefined;
  const charset = charsetForCodec(name);
  if (charset === null) {
    throw new BadRequest(
      `The charset ${JSON.stringify(label)} (Python's ${name} codec) is not supported by reins; ` +
        'send the body in UTF-8 or another common charset (ISO-8859-*, windows-125*, KOI8, Shift_JIS, GB18030, Big5, EUC-*).',
    );
  }
  return charset;
}

/**
 * The charset for `label`, for an encoding a program chose (`QueryDict`'s `encoding`, a response
 * charset): an unknown label is an error too (Python's `LookupError`).
 *
 * @throws {TypeError} when Python does not know the label; {BadRequest} as {@link lookupCharset}.
 */
export function requireCharset(label: string): Charset {
  const charset = lookupCharset(label);
  if (charset === undefined) {
    throw new TypeError(
      `Unknown encoding ${JSON.stringify(label)}: use a charset name Python's codecs know, such as 'utf-8' or 'iso-8859-1'.`,
    );
  }
  return charset;
}

/** Whether `label` names UTF-8 (the usual case, answered without a lookup). */
export function isUtf8Label(label: string): boolean {
  return (
    label === 'utf-8' || label === 'UTF-8' || label === 'utf8' || pythonCodecName(label) === 'utf-8'
  );
}
