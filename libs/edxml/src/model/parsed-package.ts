import type { LeniencyNote } from '../parse/leniency-notes';
import type { DetectedType } from '../parse/attachment-content';
import type { EnvelopeReport } from '../signature/envelope-report';
import type { AttachmentDescription, EdocMessageHeader, TraceHeaderList } from './edoc-package';
import type { StatusMessage } from './status-package';

/** An attachment as received: bytes after base64 and, when a ZIP stood in for one file, after unzipping. */
export interface ParsedAttachment extends AttachmentDescription {
  readonly bytes: Buffer;
  readonly size: number;
  /** hex SHA-256 of `bytes` */
  readonly sha256: string;
  readonly detectedType: DetectedType;
  /** the ZIP it came out of */
  readonly unwrappedFrom?: {
    readonly format: 'zip';
    readonly entryName: string;
    readonly size: number;
    readonly sha256: string;
  };
  /** the attachment is itself a package (national hubs wrap the original this way) */
  readonly nested?: ParsedPackage;
}

interface ParsedCommon {
  /** bytes of the package file */
  readonly size: number;
  readonly traceHeaderList: TraceHeaderList;
  /** what was accepted although the standard says otherwise */
  readonly notes: readonly LeniencyNote[];
  readonly signature: EnvelopeReport;
}

export interface ParsedEdocPackage extends ParsedCommon {
  readonly kind: 'edoc';
  readonly header: EdocMessageHeader;
  readonly manifest: readonly AttachmentDescription[];
  readonly attachments: readonly ParsedAttachment[];
}

export interface ParsedStatusPackage extends ParsedCommon {
  readonly kind: 'status';
  readonly status: StatusMessage;
}

export type ParsedPackage = ParsedEdocPackage | ParsedStatusPackage;
