/**
 * The page's preferences kept in this browser between visits (localStorage): the language, the
 * single-key shortcuts, an unfolded description, the chapters read. Storage can be refused
 * (private mode, a sandbox, Node, a full quota): a refused read is "nothing remembered" and a
 * refused write is dropped, so a choice then lasts until the page is closed. Preferences are never
 * part of a run.
 */

/** What is kept under `key`, or null when nothing is or storage is refused. */
export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Keeps `value` under `key`; a refused or full storage keeps nothing. */
export function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Refused or full: the choice lasts until the page is closed.
  }
}
