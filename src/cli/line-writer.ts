/**
 * The runner's output: lines or bytes to a file or to stdout, buffered so a long trace streams in constant
 * memory, and written completely or not at all. A pipe to a slow reader is non-blocking on Linux
 * once Node has opened it, so a write may take only part of the bytes or fail with EAGAIN: the
 * writer keeps the rest and waits for the reader (backpressure) instead of dropping it. Any other
 * failure (a closed pipe, a full disk) is thrown as an OutputError so the runner exits non-zero.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

export class OutputError extends Error {}

export interface LineWriter {
  /** A line of text; the writer adds its newline. */
  write(line: string): void;
  /** Bytes as they are (the trace file's UTF-8 from simulate's onTraceBytes); copied, so the caller may reuse them. */
  writeBytes(chunk: Uint8Array): void;
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
function writeAll(fd: number, bytes: Uint8Array): void {
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
  const buffer = Buffer.alloc(FLUSH_BYTES);
  let size = 0;
  const writeOut = (bytes: Uint8Array) => {
    try {
      writeAll(fd, bytes);
    } catch (error) {
      throw describe(target, error);
    }
  };
  const flush = () => {
    if (size === 0) return;
    writeOut(buffer.subarray(0, size));
    size = 0;
  };
  const writeBytes = (chunk: Uint8Array) => {
    if (size + chunk.length > FLUSH_BYTES) flush();
    // A chunk as large as the buffer goes out as it is.
    if (chunk.length >= FLUSH_BYTES) return writeOut(chunk);
    buffer.set(chunk, size);
    size += chunk.length;
  };
  return {
    write: (line) => writeBytes(Buffer.from(`${line}\n`, 'utf8')),
    writeBytes,
    close() {
      flush();
      if (fd !== 1) closeSync(fd);
    },
  };
}
