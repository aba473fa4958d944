/**
 * The repository stands alone: its code, tests, scripts and documents cite RocketMQ's classes or
 * files in this repository, never the team's briefing documents that live beside it (a reader of
 * a clone has none of them). docs/ holds what such a citation would point to.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FOLDERS = ['src', 'test', 'docs', 'scripts', '.ci'];
const FILES = ['README.md', 'package.json', 'index.html', 'eslint.config.js', 'vite.config.ts'];
const TEXT = /\.(ts|tsx|js|mjs|json|md|css|html)$|^run$/;
const SELF = fileURLToPath(import.meta.url);

/** Names of the documents outside the repository, split so that this file does not name them itself. */
const OUTSIDE = new RegExp(['\\.\\./' + 'shared', 'rocketmq' + '-facts', 'study' + '-note', 'shared/' + '(contract|design|toolchain|scenarios|hooks)'].join('|'));

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return TEXT.test(name) ? [path] : [];
  });
}

function sources(): string[] {
  const inFolders = FOLDERS.map((folder) => join(ROOT, folder)).filter((folder) => statSync(folder, { throwIfNoEntry: false })?.isDirectory());
  const files = FILES.map((file) => join(ROOT, file)).filter((file) => statSync(file, { throwIfNoEntry: false })?.isFile());
  return [...inFolders.flatMap(filesUnder), ...files].filter((file) => file !== SELF);
}

/** `path:line: text` of every line naming a document outside the repository. */
function citationsOutside(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (OUTSIDE.test(line) ? [`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`] : []));
}

describe('the repository stands alone', () => {
  it('reads the sources it checks', () => {
    const files = sources().map((file) => relative(ROOT, file));
    expect(files).toContain('README.md');
    expect(files).toContain(join('src', 'model', 'index.ts'));
    expect(files).toContain(join('docs', 'trace.md'));
  });

  it('knows a citation of a document outside it when it sees one', () => {
    expect(OUTSIDE.test('see ../' + 'shared/' + 'rocketmq' + '-facts.md §9.4')).toBe(true);
    expect(OUTSIDE.test('PullMessageProcessor.tryCommitOffset (docs/conventions.md)')).toBe(false);
  });

  it('cites no document outside it', () => {
    expect(sources().flatMap(citationsOutside)).toEqual([]);
  });
});
