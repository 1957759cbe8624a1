import { createHash } from 'node:crypto';
import type { Request } from 'express';
import { exchangeError } from '../exchange.errors';

/**
 * Reads a request body whose SHA-256 the caller signed: refused at once when the declared length
 * is over `limit`, cut off when more arrives, refused when it trickles slower than `timeoutMs`
 * allows for the whole, and refused unless its hash is the signed one.
 */
export function readSignedBody(
  req: Request,
  sha256: string,
  limit: number,
  timeoutMs: number,
): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit)
    return Promise.reject(exchangeError('EXCHANGE_PACKAGE_TOO_LARGE', { limit }));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const hash = createHash('sha256');
    let total = 0;
    let finished = false;
    const finish = (error: Error | null, body?: Buffer) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      req.removeAllListeners('data');
      if (error) {
        req.resume();
        reject(error);
      } else resolve(body!);
    };
    const timer = setTimeout(() => finish(exchangeError('EXCHANGE_BODY_TIMEOUT')), timeoutMs);
    timer.unref();
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) return finish(exchangeError('EXCHANGE_PACKAGE_TOO_LARGE', { limit }));
      hash.update(chunk);
      chunks.push(chunk);
    });
    req.on('error', (error) => finish(error));
    req.on('end', () => {
      if (hash.digest('hex') !== sha256) return finish(exchangeError('EXCHANGE_BODY_MISMATCH'));
      finish(null, Buffer.concat(chunks, total));
    });
  });
}
