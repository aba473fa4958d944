/**
 * Reads the scenario (a file, or standard input for `-`) in chunks, and stops as soon as it
 * passes the 2 MB limit of parseScenarioText: `/dev/zero` or an endless pipe fails at once
 * instead of filling the memory.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_SCENARIO_TEXT_BYTES } from '../scenario/parse.ts';
import { UsageError } from './args.ts';

/** How long to wait for a non-blocking standard input that has nothing yet. */
const EMPTY_PIPE_WAIT_MS = 5;
const sleepCell = new Int32Array(new SharedArrayBuffer(4));

function describe(input: string, error: unknown): UsageError {
  const { code, message } = error as NodeJS.ErrnoException;
  const where = input === '-' ? 'standard input' : JSON.stringify(input);
  const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : message.split('\n')[0];
  return new UsageError(`cannot read scenario ${where}: ${reason}`);
}

function readChunk(fd: number, buffer: Buffer, offset: number): number {
  for (;;) {
    try {
      return readSync(fd, buffer, offset, buffer.length - offset, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(sleepCell, 0, 0, EMPTY_PIPE_WAIT_MS);
      else if (code === 'EOF') return 0;
      else throw error;
    }
  }
}

export function readInput(input: string): string {
  let fd: number;
  try {
    fd = input === '-' ? 0 : openSync(input, 'r');
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  } catch (error) {
    throw describe(input, error);
  }
  // One byte over the limit is enough to know the input is too large.
  const buffer = Buffer.alloc(MAX_SCENARIO_TEXT_BYTES + 1);
  let length = 0;
  try {
    while (length < buffer.length) {
      const read = readChunk(fd, buffer, length);
      if (read === 0) break;
      length += read;
    }
  } catch (error) {
    throw describe(input, error);
  } finally {
    if (fd !== 0) closeSync(fd);
  }
  if (length > MAX_SCENARIO_TEXT_BYTES) {
    throw new UsageError(`the scenario is larger than 2 MB (${MAX_SCENARIO_TEXT_BYTES} bytes): a scenario file is a small JSON object`);
  }
  return buffer.toString('utf8', 0, length);
}
