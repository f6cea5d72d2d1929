import { CookieStorage } from '../src/cookie-storage.js';
import { FallbackStorage } from '../src/fallback-storage.js';
import { SessionStorage } from '../src/session-storage.js';
import { runStorageContract } from './storage-contract.js';

runStorageContract('cookie storage', CookieStorage);
runStorageContract('session storage', SessionStorage);
runStorageContract('fallback storage', FallbackStorage);
