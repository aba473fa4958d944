/**
 * The runner's output: lines to a file or to stdout, buffered so a long trace streams in constant
 * memory, and written completely or not at all. A pipe to a slow reader is non-blocking on Linux
 * once Node has opened it, so a write may take only part of the bytes or fail with EAGAIN: the
 * writer keeps the rest and waits for the reader (backpressure) instead of dropping it. Any other
 * failure (a closed pipe, a full disk) is thrown as an OutputError so the runner exits non-zero.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

export class OutputError extends Error {}

export interface LineWriter {
  write(line: string): void;
  close(): void;
}

const FLUSH_BYTES = 1 << 20;
/** How long to wait for a full pipe's reader before trying again. */
const PIPE_FULL_WAIT_MS = 5;
const sleepCell = new Int32Array(new SharedArrayBuffer(4));

function isPipeFull(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'EAGAIN';
}

/** Writes every byte of `bytes`, waiting while the pipe is full. */
function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (error) {
      if (!isPipeFull(error)) throw error;
      Atomics.wait(sleepCell, 0, 0, PIPE_FULL_WAIT_MS);
    }
  }
}

function describe(target: string, error: unknown): OutputError {
  const where = target === '-' ? 'standard output' : target;
  return new OutputError(`cannot write to ${where}: ${(error as Error).message}`);
}

/** A writer to `target` (a path, or `-` for stdout). */
export function lineWriter(target: string): LineWriter {
  let fd: number;
  try {
    fd = target === '-' ? 1 : openSync(target, 'w');
  } catch (error) {
    throw describe(target, error);
  }
  let buffer: string[] = [];
  let size = 0;
  const flush = () => {
    if (buffer.length === 0) return;
    const bytes = Buffer.from(buffer.join(''), 'utf8');
    buffer = [];
    size = 0;
    try {
      writeAll(fd, bytes);
    } catch (error) {
      throw describe(target, error);
    }
  };
  return {
    write(line) {
      buffer.push(line, '\n');
      size += line.length + 1;
      if (size > FLUSH_BYTES) flush();
    },
    close() {
      flush();
      if (fd !== 1) closeSync(fd);
    },
  };
}
