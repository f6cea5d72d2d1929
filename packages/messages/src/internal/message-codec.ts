/**
 * Django 3.2's `MessageEncoder`/`MessageDecoder`: a message is the JSON list
 * `["__json_message", isSafe, level, text(, extraTags)]`, byte for byte as Python's `json` writes
 * it, so Django and reins read each other's cookies and sessions.
 *
 * @module
 */
import { Buffer } from 'node:buffer';
import { isSafe, markSafe } from '@reins/core';
import type { Serializer } from '@reins/core/signing';
import { pythonJsonDumps } from '@reins/core/signing';
import { Message } from '../message.js';

const MESSAGE_KEY = '__json_message';

/** The last item of a cookie that could not hold every message (Django's `not_finished`). */
export const NOT_FINISHED = '__messagesnotfinished__';

/** What a storage writes: messages, and the cookie's not-finished sentinel. */
export type StoredItem = Message | typeof NOT_FINISHED;

/** The tag of each level (Django's `LEVEL_TAGS`). */
export type LevelTags = Readonly<Record<number, string>>;

function toJson(item: unknown): unknown {
  if (item instanceof Message) {
    // 0/1 rather than false/true, as Django writes them (more compact).
    const list: unknown[] = [
      MESSAGE_KEY,
      isSafe(item.message) ? 1 : 0,
      item.level,
      String(item.message),
    ];
    if (item.extraTags) list.push(item.extraTags);
    return list;
  }
  return item;
}

// Python's json.dumps with its default separators (', ', ': '), as SessionStorage writes.
function spaced(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(spaced).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    return `{${Object.entries(value)
      .map(([key, item]) => `${pythonJsonDumps(key)}: ${spaced(item)}`)
      .join(', ')}}`;
  }
  return pythonJsonDumps(value);
}

/**
 * `json.dumps(items, cls=MessageEncoder)` with Python's default separators (the session
 * storage's format).
 */
export function encodeSpaced(items: readonly StoredItem[]): string {
  return spaced(items.map(toJson));
}

/**
 * Django's `MessageDecoder.process_messages`: `__json_message` lists become messages, anywhere
 * in the value. A malformed message list throws (Django fails on it too).
 */
function reviveMessages(value: unknown, levelTags: LevelTags): unknown {
  if (Array.isArray(value) && value.length > 0) {
    if (value[0] === MESSAGE_KEY) {
      const [, safe, level, text, extraTags, ...rest] = value as unknown[];
      if (
        rest.length > 0 ||
        typeof level !== 'number' ||
        !Number.isFinite(level) ||
        typeof text !== 'string' ||
        (extraTags !== undefined && extraTags !== null && typeof extraTags !== 'string')
      ) {
        throw new TypeError(`Not a stored message: ${JSON.stringify(value).slice(0, 80)}.`);
      }
      return new Message(level, safe ? markSafe(text) : text, {
        extraTags: extraTags ?? null,
        levelTags,
      });
    }
    return value.map((item) => reviveMessages(item, levelTags));
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, reviveMessages(item, levelTags)]),
    );
  }
  return value;
}

/** `json.loads(text, cls=MessageDecoder)`. */
export function decodeJson(text: string, levelTags: LevelTags): unknown {
  return reviveMessages(JSON.parse(text), levelTags);
}

/**
 * Django's `MessageSerializer`: compact JSON through the encoder, as Latin-1 bytes (the JSON is
 * ASCII), and back.
 */
export function messageSerializer(levelTags: LevelTags): Serializer {
  return {
    dumps(value: unknown): Uint8Array {
      const json = pythonJsonDumps(Array.isArray(value) ? value.map(toJson) : toJson(value));
      return Buffer.from(json, 'latin1');
    },
    loads(data: Uint8Array): unknown {
      const text = Buffer.from(data.buffer, data.byteOffset, data.byteLength).toString('latin1');
      return decodeJson(text, levelTags);
    },
  };
}
