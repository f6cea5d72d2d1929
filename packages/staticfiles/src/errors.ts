/**
 * The errors of @reins/staticfiles. Django raises `ValueError` for all three; each has its own
 * class here so a handler can tell a missing manifest entry from a broken CSS reference.
 */
import { brandClass, defineBrand, ReinsError } from '@reins/core';

/**
 * `{% static %}` or `staticUrl()` named a file the manifest does not list (`manifestStrict`).
 *
 * @example
 * try { staticfiles.url('missing.css'); } catch (error) { if (MissingManifestEntry.isInstance(error)) … }
 */
export class MissingManifestEntry extends ReinsError {
  static override readonly brand: symbol = defineBrand('MissingManifestEntry');
  override readonly code = 'staticfiles.missing_manifest_entry';
  /** The name asked for. */
  readonly staticName: string;
  constructor(name: string) {
    super(
      `Missing staticfiles manifest entry for '${name}'. Run 'reins collectstatic' after adding the file, or check the name (set manifestStrict: false to fall back to hashing the file in staticRoot).`,
    );
    this.staticName = name;
  }
}
brandClass(MissingManifestEntry);

/**
 * A file a hashed name was needed for is not in `staticRoot` — usually a CSS `url()` pointing at
 * a file that does not exist (Django's "The file '…' could not be found with …").
 *
 * @example
 * HashedFileNotFound.isInstance(error) && error.staticName; // 'img/missing.png'
 */
export class HashedFileNotFound extends ReinsError {
  static override readonly brand: symbol = defineBrand('HashedFileNotFound');
  override readonly code = 'staticfiles.file_not_found';
  /** The name that could not be found. */
  readonly staticName: string;
  constructor(name: string, storage: string) {
    super(
      `The file '${name}' could not be found with ${storage}. Add it to a static directory, or fix the reference to it.`,
    );
    this.staticName = name;
  }
}
brandClass(HashedFileNotFound);

/**
 * collectstatic's post-processing failed: CSS references still changed after the last pass, or a
 * file could not be processed.
 *
 * @example
 * PostProcessError.isInstance(error) && error.staticName; // 'css/site.css'
 */
export class PostProcessError extends ReinsError {
  static override readonly brand: symbol = defineBrand('PostProcessError');
  override readonly code = 'staticfiles.post_process';
  /** The file being processed (`'All'` for the pass limit). */
  readonly staticName: string;
  constructor(name: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.staticName = name;
  }
}
brandClass(PostProcessError);
