/**
 * Output paths are checked before the run, so a path that cannot be written is a usage error
 * (exit 2) at once, not a failure after minutes of simulation.
 */
import { accessSync, constants, lstatSync, readlinkSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
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

/**
 * Where a path leads: an existing file by its device and inode (a symlink or a hard link to it
 * leads to the same), a new one by its folder's real path and its name, a symlink to a file not
 * written yet by where it points; null for what is not a regular file (/dev/null, a pipe), which
 * two outputs may share.
 */
function fileIdentity(path: string, hops = 0): string | null {
  try {
    const stats = statSync(path);
    return stats.isFile() ? `inode ${stats.dev}:${stats.ino}` : null;
  } catch {
    const full = resolve(path);
    const dangling = hops < 8 && lstatOrNull(full)?.isSymbolicLink();
    if (dangling) return fileIdentity(resolve(dirname(full), readlinkSync(full)), hops + 1);
    try {
      return `path ${resolve(realpathSync(dirname(full)), basename(full))}`;
    } catch {
      return `path ${full}`;
    }
  }
}

function lstatOrNull(path: string): ReturnType<typeof lstatSync> | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/**
 * Throws a UsageError when `--trace` and `--summary` name one file, however spelled (`x`, `./x`,
 * `/tmp/./x`, a symlink to it): the summary, written last, would replace the trace.
 */
export function checkDistinctOutputs(trace: string | undefined, summary: string | undefined): void {
  if (trace === undefined || summary === undefined || trace === '-' || summary === '-') return;
  const identity = fileIdentity(trace);
  if (identity === null || identity !== fileIdentity(summary)) return;
  throw new UsageError(`--trace and --summary both name one file (${JSON.stringify(trace)} and ${JSON.stringify(summary)})`);
}
