/** A document's address: /co-quan/{agencyId}/van-ban/{entryId}. */
export const DOCUMENT_PATH = /^\/co-quan\/([0-9a-f-]{36})\/van-ban\/([0-9a-f-]{36})$/;
