/** The application module could not be found, loaded or does not export an app (the CLI prints it as a CommandError). */
export class AppLoadError extends Error {
  readonly code = 'server.app_load';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppLoadError';
  }
}
