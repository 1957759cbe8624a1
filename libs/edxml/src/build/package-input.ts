import type { Readable } from 'node:stream';
import type { SigningIdentity } from '@vanthu/signing';
import type { AttachmentDescription, EdocMessageHeader, TraceHeaderList } from '../model/edoc-package';
import type { StatusMessage } from '../model/status-package';

/**
 * Where an attachment's bytes come from. A signed package needs them twice (once for the envelope
 * digest, once to write them), so a stream source is a function that opens a fresh stream each
 * time: a file, an object in storage. Buffers are read once.
 */
export type AttachmentSource =
  | Buffer
  | { readonly path: string }
  | {
      readonly open: () =>
        Readable | AsyncIterable<Uint8Array> | Promise<Readable | AsyncIterable<Uint8Array>>;
    };

export interface AttachmentInput extends Omit<AttachmentDescription, 'contentId'> {
  /** default `cid:<position from 1>` */
  readonly contentId?: string;
  readonly source: AttachmentSource;
}

/** An edoc package to build. The DocumentId is derived from From, the promulgation date and the code. */
export interface EdocPackageInput {
  readonly header: Omit<EdocMessageHeader, 'documentId'> & { readonly documentId?: string };
  readonly traceHeaderList: TraceHeaderList;
  readonly attachments: readonly AttachmentInput[];
}

export interface BuildOptions {
  /** the agency's organisation key: the package gets an enveloped XML-DSig signature */
  readonly signer?: SigningIdentity;
  /** the time the signing certificate must be valid at (default now) */
  readonly now?: Date;
}

export type StatusPackageInput = StatusMessage;
