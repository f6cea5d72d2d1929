/** Deflate's bit order: least significant bit first, bytes filled from the low end. */
export class BitWriter {
  buf = 0;
  count = 0;
  constructor(
    readonly out: Uint8Array,
    public pos: number,
  ) {}

  send(value: number, length: number): void {
    this.buf |= value << this.count;
    this.count += length;
    while (this.count >= 8) {
      this.out[this.pos++] = this.buf & 0xff;
      this.buf >>>= 8;
      this.count -= 8;
    }
  }

  flush(): void {
    if (this.count > 0) this.out[this.pos++] = this.buf & 0xff;
    this.buf = 0;
    this.count = 0;
  }
}
