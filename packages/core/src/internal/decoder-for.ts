/**
 * One non-fatal `TextDecoder` per encoding label, kept: decoding query strings and forms asks for
 * the same one or two encodings on every request.
 */
const decoders = new Map<string, TextDecoder>();

/** A cached non-fatal decoder for `encoding` (invalid bytes → U+FFFD); throws for an unknown label. */
export function decoderFor(encoding: string): TextDecoder {
  let decoder = decoders.get(encoding);
  if (decoder === undefined) {
    decoder = new TextDecoder(encoding);
    decoders.set(encoding, decoder);
  }
  return decoder;
}
