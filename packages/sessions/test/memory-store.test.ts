// The contract suite checked against the simplest server-side store, sync and async, so a
// failure on a real store points at that store and not at the suite.
import { MemoryStore } from './support/memory-store.js';
import { runStoreContract } from './store-contract.js';

runStoreContract('memory session store', () => new MemoryStore());
runStoreContract('async memory session store', () => new MemoryStore({ async: true }));
