// cookie-signature ships no types; the two functions the benchmark calls.
declare module 'cookie-signature' {
  export function sign(value: string, secret: string | Buffer): string;
  export function unsign(input: string, secret: string | Buffer): string | false;
}
