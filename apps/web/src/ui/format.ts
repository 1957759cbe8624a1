import dayjs from 'dayjs';

/** dd/mm/yyyy, as Vietnamese registers write dates. */
export const formatDate = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format('DD/MM/YYYY') : '';

export const formatDateTime = (iso: string | null | undefined): string =>
  iso ? dayjs(iso).format('HH:mm DD/MM/YYYY') : '';

/** Whole days from today (local time) to the date: negative when past. */
export const daysUntil = (isoDate: string): number =>
  dayjs(isoDate).startOf('day').diff(dayjs().startOf('day'), 'day');

export const today = (): string => dayjs().format('YYYY-MM-DD');

/** A file's size as the lists show it: whole kilobytes. */
export const formatKb = (bytes: number): string => `${(bytes / 1024).toFixed(0)} KB`;
