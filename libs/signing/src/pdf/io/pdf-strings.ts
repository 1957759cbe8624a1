import { PdfString } from './pdf-objects';
import { PdfSyntaxError } from '../../pdf-syntax/pdf-syntax-error';

const ESCAPES: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };

const HEX = new Int8Array(256).fill(-1);
for (let c = 0; c < 10; c++) HEX[0x30 + c] = c;
for (let c = 0; c < 6; c++) HEX[0x41 + c] = HEX[0x61 + c] = 10 + c;

/** A string token decoded, and the offset just after it. */
export interface StringToken {
  readonly value: PdfString;
  readonly end: number;
}

/** Decodes `( … )` starting at `start` (the opening parenthesis): escapes, octal codes, nesting. */
export function readLiteralString(buf: Buffer, start: number, end: number): StringToken {
  let p = start + 1;
  let depth = 1;
  const out = Buffer.allocUnsafe(Math.min(end - p, 1 << 16));
  let parts: Buffer[] | undefined;
  let n = 0;
  const push = (byte: number): void => {
    if (n === out.length) {
      (parts ??= []).push(Buffer.from(out));
      n = 0;
    }
    out[n++] = byte;
  };
  while (p < end) {
    const c = buf[p++];
    if (c === 0x5c /* \ */) {
      const e = buf[p++];
      if (e in ESCAPES) push(ESCAPES[e]);
      else if (e === 0x0d) {
        if (buf[p] === 0x0a) p++;
      } else if (e === 0x0a) {
        /* line continuation */
      } else if (e >= 0x30 && e <= 0x37) {
        let v = e - 0x30;
        for (let k = 0; k < 2 && buf[p] >= 0x30 && buf[p] <= 0x37; k++) v = v * 8 + (buf[p++] - 0x30);
        push(v & 0xff);
      } else if (e !== undefined) push(e);
    } else if (c === 0x28) {
      depth++;
      push(c);
    } else if (c === 0x29) {
      if (--depth === 0) {
        const tail = out.subarray(0, n);
        return { value: new PdfString(parts ? Buffer.concat([...parts, tail]) : Buffer.from(tail)), end: p };
      }
      push(c);
    } else if (c === 0x0d) {
      // An unescaped end of line in a string reads as a single LF.
      if (buf[p] === 0x0a) p++;
      push(0x0a);
    } else push(c);
  }
  throw new PdfSyntaxError('unterminated string', start);
}

/** Decodes `< … >` starting at `start`: whitespace ignored, an odd last digit padded with 0. */
export function readHexString(buf: Buffer, start: number, end: number): StringToken {
  const close = buf.indexOf(0x3e, start + 1);
  if (close < 0 || close >= end) throw new PdfSyntaxError('unterminated hex string', start);
  let digits = 0;
  for (let p = start + 1; p < close; p++) if (HEX[buf[p]] >= 0) digits++;
  const out = Buffer.allocUnsafe((digits + 1) >> 1);
  let n = 0;
  let high = -1;
  for (let p = start + 1; p < close; p++) {
    const v = HEX[buf[p]];
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out[n++] = (high << 4) | v;
      high = -1;
    }
  }
  if (high >= 0) out[n++] = high << 4;
  return { value: new PdfString(out, true), end: close + 1 };
}
