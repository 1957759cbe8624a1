import { Writable } from 'node:stream';
import { buildEdocPackage, buildStatusPackage, type BuiltPackage } from './package-builder';
import type { BuildOptions, EdocPackageInput, StatusPackageInput } from './package-input';

export interface BuiltPackageBytes extends BuiltPackage {
  readonly xml: Buffer;
}

/** buildEdocPackage into memory: for packages whose attachments are small (statuses, tests, benches). */
export async function buildEdocPackageToBuffer(
  input: EdocPackageInput,
  options: BuildOptions = {},
): Promise<BuiltPackageBytes> {
  const sink = new BufferSink();
  const built = await buildEdocPackage(input, sink, options);
  return { ...built, xml: sink.bytes() };
}

export async function buildStatusPackageToBuffer(
  input: StatusPackageInput,
  options: BuildOptions = {},
): Promise<BuiltPackageBytes> {
  const sink = new BufferSink();
  const built = await buildStatusPackage(input, sink, options);
  return { ...built, xml: sink.bytes() };
}

class BufferSink extends Writable {
  private readonly chunks: Buffer[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null) => void): void {
    this.chunks.push(chunk);
    done();
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
}
