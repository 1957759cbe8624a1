export type TextAlign = 'left' | 'center' | 'right';

/** A line of a cover or heading; wraps to the page width when too long. */
export interface TextLine {
  text: string;
  size: number;
  bold?: boolean;
  /** Centred unless told. */
  align?: TextAlign;
  /** Extra space above, in points. */
  spaceBefore?: number;
}

export interface TableColumn {
  header: string;
  /** Relative width; the columns share the width between the margins. */
  width: number;
  align?: TextAlign;
}

/** A printed table (a register, a file's list of documents) and the text around it. */
export interface TableDocument {
  /** The PDF's title (document properties). */
  title: string;
  orientation: 'landscape' | 'portrait';
  /** A page of its own before the table, its lines centred on the page. */
  cover?: TextLine[];
  /** Lines above the table on its first page. */
  heading?: TextLine[];
  /** A small line at the top of every table page, so a loose page still says what it belongs to. */
  runningHead?: string;
  columns: TableColumn[];
  /** ND30 forms number their columns (1), (2)… under the header. */
  numberedColumns?: boolean;
  rows: string[][];
  /** Shown across the table when it has no rows. */
  emptyText: string;
  fontSize: number;
}
