/**
 * @reins/auth — Django's authentication for reins: `request.user`, login/logout, password hashers
 * compatible with Django, the model backend over Django's `auth_user`, decorators and login views.
 *
 * @example
 * import { AuthenticationMiddleware, loginRequired } from '@reins/auth';
 *
 * @module
 */
export { Argon2PasswordHasher } from './hashers/argon2-password-hasher.js';
export type { Argon2Options } from './hashers/argon2-password-hasher.js';
export {
  BCryptPasswordHasher,
  BCryptSHA256PasswordHasher,
} from './hashers/bcrypt-password-hasher.js';
export type { BCryptOptions } from './hashers/bcrypt-password-hasher.js';
export type { PasswordHasher } from './hashers/password-hasher.js';
export {
  checkPassword,
  configurePasswordHashers,
  getHasher,
  getHashers,
  identifyHasher,
  isPasswordUsable,
  makePassword,
  runDefaultHasher,
  UNUSABLE_PASSWORD_PREFIX,
} from './hashers/password-hashers.js';
export type { CheckPasswordOptions } from './hashers/password-hashers.js';
export {
  DJANGO_32_PBKDF2_ITERATIONS,
  PBKDF2PasswordHasher,
  PBKDF2SHA1PasswordHasher,
} from './hashers/pbkdf2-password-hasher.js';
export type { PBKDF2Options } from './hashers/pbkdf2-password-hasher.js';
export { ScryptPasswordHasher } from './hashers/scrypt-password-hasher.js';
export type { ScryptOptions } from './hashers/scrypt-password-hasher.js';
export { AnonymousUser } from './anonymous-user.js';
export type { AuthBackend, Credentials } from './auth-backend.js';
export { authContextProcessor, PermWrapper } from './auth-context-processor.js';
export { logAuthFailure, setAuthLogSink } from './auth-log.js';
export { authenticate } from './authenticate.js';
export { AuthenticationMiddleware, authenticationMiddleware } from './authentication-middleware.js';
export type { AuthenticationMiddlewareOptions } from './authentication-middleware.js';
export {
  LoginRequiredMixin,
  PermissionRequiredMixin,
  UserPassesTestMixin,
} from './access-mixins.js';
export type { AccessMixinFields } from './access-mixins.js';
export { authMigrations } from './backends/auth-migrations.js';
export type { AuthTables } from './backends/auth-tables.js';
export { MODEL_BACKEND_PATH, ModelBackend } from './backends/model-backend.js';
export type { ModelBackendOptions, NewUser } from './backends/model-backend.js';
export { getUser } from './get-user.js';
export { INVALID_LOGIN_MESSAGE, LoginView, LogoutView } from './login-views.js';
export type { LoginViewOptions, LogoutViewOptions } from './login-views.js';
export { login } from './login.js';
export { logout } from './logout.js';
export {
  commonPasswordValidator,
  defaultPasswordValidators,
  minimumLengthValidator,
  numericPasswordValidator,
  userAttributeSimilarityValidator,
  validatePassword,
} from './password-validation.js';
export type { PasswordProblem, PasswordValidator } from './password-validation.js';
export { redirectToLogin } from './redirect-to-login.js';
export type {} from './request-user.js';
export { getSessionAuthHash, verifySessionAuthHash } from './session-auth-hash.js';
export { BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY } from './session-keys.js';
export { updateSessionAuthHash } from './update-session-auth-hash.js';
export { User } from './user-model.js';
export type { UserFields } from './user-model.js';
export { UserNotLoaded } from './user-not-loaded.js';
export type { AuthUser } from './user.js';
export { loginRequired, permissionRequired, userPassesTest } from './view-decorators.js';
export type { AccessOptions } from './view-decorators.js';
