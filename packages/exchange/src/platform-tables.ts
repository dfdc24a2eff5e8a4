import type { SheetName } from './platform-spec.js';

/** One row of a sheet: its number as a spreadsheet shows it, its cells by standard header. */
export interface PlatformRow {
  row: number;
  /** trimmed text of every non-empty cell, by standard header (a column not known: its own header) */
  cells: Record<string, string>;
}

export interface PlatformSheet {
  name: SheetName;
  /** where it was read from: the file, and the sheet's own name in a workbook */
  file?: string;
  sheet?: string;
  /** the columns in order, by standard header */
  headers: string[];
  rows: PlatformRow[];
}

/** A sheet or a column of the input that is not part of the exchange tables, and why. */
export interface SkippedInput {
  file: string;
  sheet?: string;
  reason: string;
}

/** The platform's exchange tables: what a workbook or CSV files hold, and what export writes. */
export interface PlatformTables {
  sheets: PlatformSheet[];
  skipped: SkippedInput[];
}

/** What one import or export could not carry over, or carried over with a repair, in Chinese. */
export interface PlatformIssue {
  /** unmapped: kept under x-platform; recovered: read with a repair; skipped: not read */
  kind: 'unmapped' | 'recovered' | 'skipped';
  file?: string;
  sheet: string;
  row?: number;
  column?: string;
  value?: string;
  reason: string;
}
