import type { PackageBusiness } from '../inbound/exchange-inbound.entity';

export type RegisterPriorityName = 'normal' | 'urgent' | 'very_urgent' | 'flash';

/** One delivery to an agency on another installation, as the registers describe it. */
export interface OutgoingDocument {
  readonly deliveryId: string;
  readonly senderAgencyId: string;
  readonly business: PackageBusiness;
  readonly reason: string | null;
  readonly sender: { readonly code: string; readonly name: string };
  readonly recipient: { readonly code: string; readonly name: string };
  readonly document: {
    readonly typeCode: string;
    readonly codeNumber: string;
    readonly codeNotation: string;
    readonly issuedDate: string;
    readonly subject: string;
    readonly signerPosition: string | null;
    readonly signerName: string | null;
    readonly priority: RegisterPriorityName;
    readonly dueDate: string | null;
    readonly toPlaces: string | null;
    readonly pageAmount: number | null;
    readonly issuedAmount: number | null;
    readonly description: string | null;
    readonly documentIdentifier: string;
  };
  readonly files: readonly {
    readonly fileIndex: number;
    readonly fileName: string;
    readonly storageKey: string;
    readonly sha256: string;
    readonly sizeBytes: number;
  }[];
  readonly responseFor: {
    readonly organId: string;
    readonly documentId: string;
    readonly code: string | null;
    readonly issuedDate: string | null;
  } | null;
  readonly replacedBy: { readonly documentIdentifier: string; readonly numberNotation: string } | null;
}

/**
 * The send side's view of the outbox rows the registers write (`delivery`, channel exchange): owned
 * by exchange, implemented by the application with the registers' services. Every method runs in
 * the caller's transaction.
 */
export abstract class ExchangeOutboxPort {
  /** Locks up to `limit` deliveries that wait for their package (FOR UPDATE SKIP LOCKED). */
  abstract claimUnpackaged(limit: number): Promise<string[]>;
  abstract packageContent(deliveryId: string): Promise<OutgoingDocument>;
  abstract markPackaged(deliveryId: string): Promise<void>;
  /** The next hop holds the package (its signed receipt). */
  abstract markSent(deliveryId: string): Promise<void>;
  /** `refused`: the receiver said no (status 02 with the reason); `alert`: tell the sending clerks. */
  abstract markFailed(
    deliveryId: string,
    reason: string,
    options?: { refused?: boolean; alert?: boolean },
  ): Promise<void>;
  /** A resend: back to pending (`packaged`: its stored package is sent again as it is). Null: not the agency's. */
  abstract reopen(
    deliveryId: string,
    senderAgencyId: string,
    packaged: boolean,
  ): Promise<{ readonly state: string; readonly channel: string } | null>;
}
