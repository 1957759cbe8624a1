import type { Priority } from '../client/types';
import { PRIORITY_LABELS } from './labels';
import { ToneTag, type Tone } from './tone-tag';

const TONE: Record<Priority, Tone> = {
  normal: 'grey',
  urgent: 'orange',
  very_urgent: 'red',
  flash: 'purple',
};

/** Độ khẩn: "Thường" is shown plain; Khẩn, Thượng khẩn, Hỏa tốc as badges. */
export function PriorityTag({ priority }: { priority: Priority }) {
  if (priority === 'normal') return <span>{PRIORITY_LABELS.normal}</span>;
  return <ToneTag tone={TONE[priority]}>{PRIORITY_LABELS[priority]}</ToneTag>;
}
