import type { Element } from '@xmldom/xmldom';
import { edxmlError } from '../edxml.errors';
import { isStatusCode, type StatusMessage } from '../model/status-package';
import { readOrganization, readResponseFor, readStaffInfo } from './header.reader';
import type { LenientReader } from './lenient-reader';

/**
 * A status message. Its ResponseFor names the document the status is about; an unknown status code
 * cannot be acted on, so it is refused (EDXML_NOT_EDXML naming the field) rather than guessed.
 */
export function readStatusMessage(r: LenientReader, h: Element): StatusMessage {
  const p = 'MessageHeader';
  const responseEl = r.element(h, 'ResponseFor', `${p}/ResponseFor`);
  const responseFor = responseEl && readResponseFor(r, responseEl, `${p}/ResponseFor`);
  if (!responseFor) r.note('MISSING_ELEMENT', `${p}/ResponseFor`);
  const raw = r.required(h, 'StatusCode', `${p}/StatusCode`);
  const statusCode = /^\d$/.test(raw) ? `0${raw}` : raw;
  if (statusCode !== raw) r.note('STATUS_CODE_NONSTANDARD', `${p}/StatusCode`, raw);
  if (!isStatusCode(statusCode))
    throw edxmlError('EDXML_NOT_EDXML', { field: `${p}/StatusCode`, value: raw.slice(0, 20) });
  const timestamp = r.timestamp(h, 'Timestamp', `${p}/Timestamp`);
  if (timestamp === undefined) r.note('MISSING_ELEMENT', `${p}/Timestamp`);
  return {
    responseFor: responseFor ?? { organId: '', documentId: '' },
    from: readOrganization(r, r.element(h, 'From', `${p}/From`), `${p}/From`),
    statusCode,
    description: r.text(h, 'Description', `${p}/Description`),
    timestamp: timestamp ?? '',
    staffInfo: readStaffInfo(r, h, `${p}/StaffInfo`),
  };
}
