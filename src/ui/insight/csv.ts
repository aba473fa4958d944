/**
 * A table as CSV (RFC 4180): fields with a comma, a quote or a line break are quoted and their
 * quotes doubled; lines end with CRLF; a UTF-8 byte order mark first, so Excel reads Chinese
 * names as UTF-8. A text cell that a spreadsheet would run as a formula (it starts with =, +, -,
 * @, a tab or a carriage return) is prefixed with a single quote: names come from scenario files
 * anyone can write. Numbers are written as numbers.
 */
import { saveBlob } from '../controls/save-file.ts';

export type CsvCell = string | number;

const BOM = '\ufeff';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(cell: CsvCell): string {
  if (typeof cell === 'number') return String(cell);
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(columns: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [columns, ...rows].map((row) => row.map(csvField).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export function saveCsv(fileName: string, columns: readonly string[], rows: readonly (readonly CsvCell[])[]): void {
  saveBlob(new Blob([toCsv(columns, rows)], { type: 'text/csv;charset=utf-8' }), fileName);
}
