/**
 * The session keys Django's auth uses, kept exactly so Django and reins read each other's sessions.
 *
 * @module
 */

/** The logged-in user's primary key, as text (Django's `SESSION_KEY`). */
export const SESSION_KEY = '_auth_user_id';
/** The backend that authenticated the user (Django's `BACKEND_SESSION_KEY`). */
export const BACKEND_SESSION_KEY = '_auth_user_backend';
/** The session-auth hash at login (Django's `HASH_SESSION_KEY`). */
export const HASH_SESSION_KEY = '_auth_user_hash';
