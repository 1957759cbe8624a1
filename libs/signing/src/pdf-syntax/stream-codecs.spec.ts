import { createDeflate, deflateSync } from 'node:zlib';
import { PdfDict as SignerDict, PdfName as SignerName } from '../pdf/io/pdf-objects';
import { decodeStreamData } from '../pdf/io/stream-filters';
import {
  PdfDict as VerifierDict,
  PdfName as VerifierName,
  PdfStream as VerifierStream,
} from '../verify/pdf-reader/pdf-values';
import { decodeStream } from '../verify/pdf-reader/stream-decoder';
import { decodeFilter, MAX_DECODED_BYTES, StreamDecodeError } from './stream-codecs';

/** Zeros deflated chunk by chunk, so the test never holds the inflated size itself. */
async function deflatedZeros(bytes: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const chunk = Buffer.alloc(1 << 20);
  for (let written = 0; written < bytes; written += chunk.length) {
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** PNG "Up" predictor rows (type 2) for 3-byte rows. */
const pngUpRows = (rows: number[][]): Buffer =>
  Buffer.from(rows.flatMap((row, r) => [2, ...row.map((v, i) => (v - (r ? rows[r - 1][i] : 0)) & 0xff)]));

describe('stream codecs shared by the signer and the verifier', () => {
  it('refuses a decompression bomb in the signer as in the verifier, before it takes the memory', async () => {
    const bomb = await deflatedZeros(MAX_DECODED_BYTES + (1 << 20));
    expect(bomb.length).toBeLessThan(1 << 20);
    const signerDict = new SignerDict([['Filter', SignerName.of('FlateDecode')]]);
    expect(() => decodeStreamData(signerDict, bomb, (v) => v)).toThrow(StreamDecodeError);
    const verifierStream = new VerifierStream(
      new VerifierDict(new Map([['Filter', VerifierName.of('FlateDecode')]])),
      bomb,
    );
    expect(() => decodeStream(verifierStream, (v) => v)).toThrow(StreamDecodeError);
  });

  it('undoes PNG predictors and refuses a row type PNG does not define', () => {
    const rows = [
      [10, 20, 30],
      [11, 22, 33],
      [5, 250, 0],
    ];
    const params = { predictor: 12, colors: 1, bitsPerComponent: 8, columns: 3 };
    const encoded = deflateSync(pngUpRows(rows));
    expect([...decodeFilter('FlateDecode', encoded, params)]).toEqual(rows.flat());
    const bad = pngUpRows(rows);
    bad[4] = 7;
    expect(() => decodeFilter('FlateDecode', deflateSync(bad), params)).toThrow(/row type 7/);
  });

  it('gives both readers the same filters: ASCII85 and ASCIIHex in the verifier too', () => {
    const stream = new VerifierStream(
      new VerifierDict(
        new Map([['Filter', [VerifierName.of('ASCIIHexDecode'), VerifierName.of('ASCII85Decode')]]]),
      ),
      Buffer.from(Buffer.from('87cURD]i,"Ebo80~>').toString('hex')),
    );
    expect(decodeStream(stream, (v) => v).toString('latin1')).toBe('Hello World!');
    expect(() => decodeFilter('DCTDecode', Buffer.alloc(4), undefined)).toThrow(
      /unsupported filter DCTDecode/,
    );
  });
});
