/**
 * The panels' one text order: by UTF-16 code unit, as Java's String.compareTo orders names, and
 * the same in every browser and language, where localeCompare would move rows with the reader's
 * locale. A full comparator (0 for equal keys), so a sort can go on to a second key on a tie.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
