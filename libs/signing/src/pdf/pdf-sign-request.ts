import type { Clock } from '@vanthu/shared';
import type { DigestAlgorithmName } from '../cms/digest-algorithm';
import type { RsaPadding } from '../cms/signature-algorithm';
import type { SigningIdentity } from '../keys/signing-identity';
import type { TimestampAuthority } from '../tsa/timestamp-authority';
import type { TextEngine } from './placement/locate-on-page';

/** A rectangle on a page in PDF points, origin at the page's lower-left corner. */
export interface PlacementRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** An explicit position: 1-based page number and a rectangle on it. */
export interface PagePlacement {
  readonly page: number;
  readonly rect: PlacementRect;
}

interface SignRequestBase {
  readonly identity: SigningIdentity;
  /** The time written in /M (Vietnam time); default `clock.now()`, else the current time. */
  readonly signingTime?: Date;
  readonly clock?: Clock;
  /** When given, the signature gets an RFC 3161 timestamp (PAdES B-T). */
  readonly timestampAuthority?: TimestampAuthority;
  readonly digestAlgorithm?: DigestAlgorithmName;
  readonly rsaPadding?: RsaPadding;
  readonly reason?: string;
  readonly location?: string;
  /** Bytes reserved for the CMS; default sized from the certificate chain and the TSA. */
  readonly placeholderBytes?: number;
  /** Text reader for automatic placement (default ours with pdf.js as fallback). */
  readonly textEngine?: TextEngine;
}

/**
 * The competent person's signature (leader). With an image it is visible: the blue signature PNG,
 * no text, centred between the title line and the name line (found on the last page by the signer's
 * full name, else at `placement`). Without an image it is invisible.
 */
export interface PersonalSignRequest extends SignRequestBase {
  readonly role: 'personal';
  readonly image?: Buffer;
  readonly placement?: PagePlacement;
  /** Name printed under the signature; default the certificate's CN. */
  readonly signerName?: string;
}

/**
 * The organisation's signature on the main document (clerk), after the personal one: number,
 * date and seal as widgets of one signature field, in one incremental update.
 */
export interface OrganisationSignRequest extends SignRequestBase {
  readonly role: 'organisation';
  /** Document number; numbers below 10 get a leading zero. */
  readonly number: number | string;
  /** Notation, e.g. `QĐ-UBND`. */
  readonly notation: string;
  /** Issue date `YYYY-MM-DD`; default the signing date in Vietnam. */
  readonly date?: string;
  /** Red seal PNG, drawn at its true size. */
  readonly sealImage: Buffer;
  /** Seal diameter in millimetres (default 36). */
  readonly sealDiameterMm?: number;
  /** Explicit positions, used when automatic placement finds nothing. */
  readonly numberPlacement?: PagePlacement;
  readonly datePlacement?: PagePlacement;
  readonly sealPlacement?: PagePlacement;
  /** Place name written before the date when the date goes to an explicit position ("Ea H'Leo"). */
  readonly placeName?: string;
}

/** The organisation's signature on an attachment in a separate file: text only, top right of page 1. */
export interface AttachmentSignRequest extends SignRequestBase {
  readonly role: 'attachment';
  readonly number: number | string;
  readonly notation: string;
  readonly organisationName: string;
  readonly placement?: PagePlacement;
}

export type CopyType = 'sao-y' | 'sao-luc' | 'trich-sao';

/** The organisation's signature on an electronic copy: copy type, copying body, time; top right of page 1. */
export interface CopySignRequest extends SignRequestBase {
  readonly role: 'copy';
  readonly copyType: CopyType;
  readonly organisationName: string;
  /** Number and notation of the copy in the copy series, when one was issued. */
  readonly number?: number | string;
  readonly notation?: string;
  readonly placement?: PagePlacement;
}

export type PdfSignRequest =
  PersonalSignRequest | OrganisationSignRequest | AttachmentSignRequest | CopySignRequest;

export type PdfSignRole = PdfSignRequest['role'];
