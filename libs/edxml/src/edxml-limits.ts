/** Bounds on what a package may make us do; every one is a refusal with a stable code when passed. */
export interface EdxmlLimits {
  /** the whole package file (EDXML_TOO_LARGE) */
  readonly maxPackageBytes: number;
  /** the XML once attachment bodies are set aside: headers, manifest, small attachments (EDXML_TOO_LARGE) */
  readonly maxMarkupBytes: number;
  readonly maxDepth: number;
  readonly maxElements: number;
  /** one text value other than an attachment body, in characters (EDXML_TOO_LARGE) */
  readonly maxFieldChars: number;
  readonly maxAttachments: number;
  /** one attachment after base64 decoding and unzipping (EDXML_ATTACHMENT_TOO_LARGE) */
  readonly maxAttachmentBytes: number;
  /**
   * entries of one ZIP attachment: Word, Excel and OpenDocument files are ZIP archives of a few
   * dozen parts (one with images or many sheets, of hundreds); an archive of several files is only
   * listed, never inflated, so the bound is on listing work
   */
  readonly maxZipEntries: number;
  /** entries of all ZIP attachments of one package, nested packages included (listing work per package) */
  readonly maxZipEntriesTotal: number;
  /** uncompressed size ÷ compressed size of a zip-wrapped attachment */
  readonly maxZipRatio: number;
  /** packages inside packages that are opened (the national hubs wrap one level) */
  readonly maxNesting: number;
}

export const DEFAULT_EDXML_LIMITS: EdxmlLimits = {
  maxPackageBytes: 256 * 1024 * 1024,
  maxMarkupBytes: 8 * 1024 * 1024,
  maxDepth: 64,
  maxElements: 100_000,
  maxFieldChars: 1024 * 1024,
  maxAttachments: 500,
  maxAttachmentBytes: 192 * 1024 * 1024,
  maxZipEntries: 1024,
  maxZipEntriesTotal: 10_000,
  maxZipRatio: 100,
  maxNesting: 2,
};
