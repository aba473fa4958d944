import { describe, expect, it } from 'vitest';
import { decodeChapterLink, encodeChapterLink } from '../../../src/scenario/chapter-link.ts';

describe('chapter links (ch, st)', () => {
  it('reads the chapter and its step, and writes them back', () => {
    expect(decodeChapterLink('#ch=nameserver&st=3')).toEqual({ chapter: 'nameserver', step: 3 });
    expect(encodeChapterLink({ chapter: 'nameserver', step: 3 })).toBe('ch=nameserver&st=3');
  });

  it('reads a step however far past the last (the page opens the last), never as step 0', () => {
    expect(decodeChapterLink('#ch=failover&st=99999')).toEqual({ chapter: 'failover', step: 99_999 });
    expect(decodeChapterLink('#ch=failover&st=99999999999999999999')).toEqual({ chapter: 'failover', step: Number.MAX_SAFE_INTEGER });
  });

  it('starts at step 0 when st is absent or damaged', () => {
    expect(decodeChapterLink('#ch=basics')).toEqual({ chapter: 'basics', step: 0 });
    expect(decodeChapterLink('#ch=basics&st=two')).toEqual({ chapter: 'basics', step: 0 });
    expect(decodeChapterLink('#ch=basics&st=-1')).toEqual({ chapter: 'basics', step: 0 });
  });

  it('ignores a missing or malformed chapter, and keeps the first of a repeated key', () => {
    expect(decodeChapterLink('#s=1.abc.12345678&t=5')).toBeNull();
    expect(decodeChapterLink('#ch=<script>&st=1')).toBeNull();
    expect(decodeChapterLink('#ch=__proto__')).toBeNull();
    expect(decodeChapterLink('#ch=groups&ch=basics&st=1&st=4')).toEqual({ chapter: 'groups', step: 1 });
  });

  it('reads the keys next to a scenario link and after chat-tool damage', () => {
    expect(decodeChapterLink('#s=1.abc.12345678&t=5&ch=groups&st=2')).toEqual({ chapter: 'groups', step: 2 });
    expect(decodeChapterLink('#ch=groups&amp;st=2).')).toEqual({ chapter: 'groups', step: 2 });
  });

  it('carries the moment shown when it is not the step\'s own (t), and ignores a damaged one', () => {
    expect(decodeChapterLink('#ch=nameserver&st=4&t=60000')).toEqual({ chapter: 'nameserver', step: 4, timeMs: 60_000 });
    expect(encodeChapterLink({ chapter: 'nameserver', step: 4, timeMs: 60_000 })).toBe('ch=nameserver&st=4&t=60000');
    expect(decodeChapterLink('#ch=nameserver&st=4&t=-5')).toEqual({ chapter: 'nameserver', step: 4 });
    expect(decodeChapterLink('#ch=nameserver&st=4&t=1e5')).toEqual({ chapter: 'nameserver', step: 4 });
  });

  it('carries the answer given to the step\'s question (a), -1 for going on without one, and ignores a damaged one', () => {
    expect(decodeChapterLink('#ch=groups&st=1&a=2')).toEqual({ chapter: 'groups', step: 1, answer: 2 });
    expect(decodeChapterLink('#ch=groups&st=1&a=-1')).toEqual({ chapter: 'groups', step: 1, answer: -1 });
    expect(encodeChapterLink({ chapter: 'groups', step: 1, answer: 2, timeMs: 5_000 })).toBe('ch=groups&st=1&a=2&t=5000');
    expect(decodeChapterLink('#ch=groups&st=1&a=2&t=5000')).toEqual({ chapter: 'groups', step: 1, answer: 2, timeMs: 5_000 });
    for (const damaged of ['-2', '1.5', 'x', '', '123']) {
      expect(decodeChapterLink(`#ch=groups&st=1&a=${damaged}`)).toEqual({ chapter: 'groups', step: 1 });
    }
  });
});
