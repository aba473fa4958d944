/**
 * Output paths are checked before the run, so a path that cannot be written is a usage error
 * (exit 2) at once, not a failure after minutes of simulation.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './args.ts';

function isDirectory(path: string): boolean | null {
  try {
    return statSync(path).isDirectory();
  } catch {
    return null;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Throws a UsageError when `--flag path` could not be written (`-` is standard output). */
export function checkOutputPath(flag: string, path: string): void {
  if (path === '-') return;
  const problem = (why: string) => new UsageError(`${flag} ${JSON.stringify(path)}: ${why}`);
  if (path === '') throw problem('an empty path');
  const existing = isDirectory(path);
  if (existing === true) throw problem('is a directory');
  if (existing === false) {
    if (!writable(path)) throw problem('the file is not writable');
    return;
  }
  const folder = dirname(resolve(path));
  const folderIsDirectory = isDirectory(folder);
  if (folderIsDirectory === null) throw problem(`the folder ${JSON.stringify(folder)} does not exist`);
  if (!folderIsDirectory) throw problem(`${JSON.stringify(folder)} is not a folder`);
  if (!writable(folder)) throw problem(`the folder ${JSON.stringify(folder)} is not writable`);
}
