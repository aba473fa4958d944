/**
 * The page's first script (everything src/main.tsx imports statically) has a size budget, so words
 * that only a panel loaded later shows live with that panel, in its chunk: the shell's messages
 * (ui/i18n/en.ts) are words the first script itself shows, and the editor's, the banner's and the
 * queue panel's idle reasons are not reached by a static import.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/ui/i18n/en.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SRC = join(ROOT, 'src');

/** `import … from './x.ts'`, `export … from`, `import './x.css'`: not `import type`, not `import()`. */
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm;

/** Whether every name an import brings is a type (`import { type A, type B }`), so the bundle drops it. */
function onlyTypes(statement: string): boolean {
  const names = /^import\s+\{([^}]*)\}/.exec(statement)?.[1];
  if (names === undefined) return false;
  const list = names.split(',').map((name) => name.trim()).filter(Boolean);
  return list.length > 0 && list.every((name) => name.startsWith('type '));
}

/** The source files src/main.tsx reaches by static imports, itself included. */
function firstScript(): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !/\.(ts|tsx)$/.test(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(STATIC_IMPORT)) {
      if (onlyTypes(match[0])) continue;
      const target = join(dirname(file), match[1]!);
      if (existsSync(target)) visit(target);
    }
  };
  visit(join(SRC, 'main.tsx'));
  return seen;
}

const reached = firstScript();
const inFirstScript = (path: string) => reached.has(join(SRC, path));

describe('words the first script does not show are not in it', () => {
  it('follows static imports, not dynamic ones', () => {
    expect(inFirstScript('ui/App.tsx')).toBe(true);
    expect(inFirstScript('ui/panels/SummaryBar.tsx')).toBe(true);
    expect(inFirstScript('ui/controls/Banner.tsx')).toBe(true);
    // Loaded on demand by App.tsx: import('./editor/EditorPanel.tsx').
    expect(inFirstScript('ui/editor/EditorPanel.tsx')).toBe(false);
  });

  it('every shell message is shown by a file of the first script', () => {
    const texts = [...reached].filter((file) => !file.includes(join('ui', 'i18n'))).map((file) => readFileSync(file, 'utf8'));
    const unused = Object.keys(en).filter((key) => !texts.some((text) => text.includes(`'${key}'`)));
    expect(unused).toEqual([]);
  });

  it('the editor\'s words, the banner\'s, the idle reasons and the subscription warning load with what shows them', () => {
    const chunks = ['ui/editor/editor-strings.ts', 'ui/controls/banner-strings.ts', 'ui/panels/reason-strings.ts', 'ui/panels/subscription-warning-strings.ts'];
    expect(chunks.filter(inFirstScript)).toEqual([]);
    // One sentence of each, in both languages: not written anywhere in the first script.
    const sentences = [
      'Edit the scenario', '编辑场景', 'The whole scenario (JSON)', '完整场景（JSON）',
      'This link is cut short', '此链接不完整', 'could not be read.', '无法读取 ',
      'owns no queue yet', '还没有分配到队列', 'Inconsistent subscriptions', '订阅关系不一致',
    ];
    const texts = [...reached].map((file) => readFileSync(file, 'utf8'));
    expect(sentences.filter((sentence) => texts.some((text) => text.includes(sentence)))).toEqual([]);
  });
});
