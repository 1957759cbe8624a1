import { daysUntil, formatDate } from './format';
import { ToneTag } from './tone-tag';

/** Days before the deadline from which it is shown as "sắp đến hạn". */
export const DUE_SOON_DAYS = 3;

/**
 * Hạn xử lý with its state in words ("Quá hạn 2 ngày", "Còn 1 ngày", "Hôm nay"), coloured red or
 * orange as well; a handled document shows the date only.
 */
export function DeadlineTag({ dueDate, done }: { dueDate: string | null; done?: boolean }) {
  if (!dueDate) return <span className="muted">Không có hạn</span>;
  const date = formatDate(dueDate);
  if (done) return <span>{date}</span>;
  const days = daysUntil(dueDate);
  if (days < 0)
    return (
      <ToneTag tone="red" title={`Hạn xử lý ${date}`}>
        Quá hạn {-days} ngày
      </ToneTag>
    );
  if (days === 0)
    return (
      <ToneTag tone="orange" title={`Hạn xử lý ${date}`}>
        Đến hạn hôm nay
      </ToneTag>
    );
  if (days <= DUE_SOON_DAYS)
    return (
      <ToneTag tone="orange" title={`Hạn xử lý ${date}`}>
        Còn {days} ngày
      </ToneTag>
    );
  return <span>{date}</span>;
}
