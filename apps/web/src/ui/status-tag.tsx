import { STATUS_LABELS, VERDICT_LABELS } from './labels';
import { ToneTag, type Tone } from './tone-tag';

const STATUS_TONE: Record<string, Tone> = {
  received: 'orange',
  registered: 'blue',
  assigned: 'blue',
  in_progress: 'blue',
  closed: 'green',
  returned: 'grey',
  recalled: 'red',
  replaced: 'grey',
  draft: 'grey',
  reviewing: 'blue',
  approving: 'blue',
  approved: 'orange',
  signed: 'orange',
  issued: 'green',
};

export function StatusTag({ status }: { status: string }) {
  return <ToneTag tone={STATUS_TONE[status] ?? 'grey'}>{STATUS_LABELS[status] ?? status}</ToneTag>;
}

const VERDICT_TONE: Record<string, Tone> = { valid: 'green', invalid: 'red', unsigned: 'grey' };

export function VerdictTag({ verdict }: { verdict: string | null }) {
  if (!verdict) return null;
  return <ToneTag tone={VERDICT_TONE[verdict] ?? 'orange'}>{VERDICT_LABELS[verdict] ?? verdict}</ToneTag>;
}
