import { isStatusCode, type StatusMessage } from '../model/status-package';
import { organization, responseFor, staffInfo } from './edoc-input.normalizer';
import { invalid, text, timestamp } from './input-rules';
import type { StatusPackageInput } from './package-input';

/** The strict builder's rules for a status package; values returned exactly as they will be written. */
export function normalizeStatusInput(input: StatusPackageInput): StatusMessage {
  if (!input) invalid('status', 'required');
  if (typeof input.statusCode !== 'string' || !isStatusCode(input.statusCode))
    invalid('statusCode', 'one-of-01-02-03-04-05-06-13-15-16', input.statusCode);
  return {
    responseFor: responseFor('responseFor', input.responseFor),
    from: organization('from', input.from, true),
    statusCode: input.statusCode,
    description: text('description', input.description, { max: 500 }),
    timestamp: timestamp('timestamp', input.timestamp),
    staffInfo: staffInfo('staffInfo', input.staffInfo),
  };
}
