import { runStoreContract } from './store-contract.js';
import { SignedCookieStore } from '../src/signed-cookie-store.js';

runStoreContract(
  'signed-cookie session store',
  () => new SignedCookieStore({ secretKey: 'contract-secret', maxAge: 1209600 }),
  { keyHoldsData: true },
);
