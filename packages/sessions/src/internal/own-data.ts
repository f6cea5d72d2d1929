/**
 * Writes to session data as own properties: a key such as `__proto__` (any string is a valid
 * Python dict key) must become data, never the object's prototype.
 */
import type { SessionData } from '../session-store.js';

export function hasKey(data: SessionData, key: string): boolean {
  return Object.hasOwn(data, key);
}

export function setKey(data: SessionData, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(data, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    data[key] = value;
  }
}

export function isEmptyData(data: SessionData): boolean {
  for (const key in data) if (Object.hasOwn(data, key)) return false;
  return true;
}
