/**
 * Links as chat tools and mail clients hand them back: percent-encoded `=` and `&`, line breaks
 * where they wrapped the text, punctuation glued to the end. Each still opens the same run at the
 * same moment; a link that is still unreadable is reported (the page shows a banner), never
 * taken for "no link at all".
 */
import { describe, expect, it } from 'vitest';
import { cleanFragment, decodeLink, encodeLink } from '../../../src/scenario/link.ts';
import { LIBRARY } from '../../../src/scenario/library/index.ts';

const scenario = LIBRARY[0]!.scenario;
const encoded = encodeLink(scenario, 5_000);
if (!encoded.ok) throw new Error('the default scenario must fit in a link');
const fragment = encoded.fragment;

/** The fragment with a line break every `width` characters, as a chat window wraps it. */
function wrapped(text: string, width: number, lineBreak: string): string {
  return text.match(new RegExp(`.{1,${width}}`, 'g'))!.join(lineBreak);
}

const DAMAGED: Array<[string, string]> = [
  ['"=" and "&" percent-encoded', `#${fragment.replace('=', '%3D').replace('&t=', '%26t%3D')}`],
  ['the whole fragment percent-encoded twice', `#${fragment.replace(/=/g, '%253D').replace('&', '%2526')}`],
  ['"#" percent-encoded too', `%23${fragment.replace(/=/g, '%3d')}`],
  ['"&amp;" from an HTML mail', `#${fragment.replace('&', '&amp;')}`],
  ['a full stop after it', `#${fragment}.`],
  ['a closing parenthesis and a full stop', `#${fragment}).`],
  ['Chinese punctuation after it', `#${fragment}。`],
  ['a quote and a comma', `#${fragment}",`],
  ['spaces and a line break around it', `  #${fragment} \n`],
  ['a line break every 60 characters', `#${wrapped(fragment, 60, '\n')}`],
  ['CRLF and an indent every 70 characters', `#${wrapped(fragment, 70, '\r\n    ')}`],
  ['a zero-width space inside', `#${fragment.slice(0, 40)}\u200b${fragment.slice(40)}`],
];

describe('links damaged by chat tools', () => {
  it.each(DAMAGED)('%s: opens the same run at the same moment', (_what, hash) => {
    const decoded = decodeLink(hash);
    expect(decoded.ok ? { json: decoded.scenarioJson, t: decoded.timeMs } : decoded.reason).toEqual({ json: scenario, t: 5_000 });
  });

  it('cleanFragment undoes exactly that damage and leaves a clean fragment alone', () => {
    expect(cleanFragment(`#${fragment}`)).toBe(fragment);
    expect(cleanFragment(`#${fragment.replace('=', '%3D').replace('&t=', '%26t%3D')}).`)).toBe(fragment);
  });

  it('a link still unreadable is reported as damaged or truncated (the page shows a banner), not as no link', () => {
    const [, payload] = /^s=([^&]*)/.exec(fragment)!;
    for (const hash of [`#S=${payload}`, `#${payload}`, `#s%3D${payload!.slice(0, 50)}`, `#s=${payload!.slice(0, -3)}`, `#s%3`]) {
      const decoded = decodeLink(hash);
      expect(decoded.ok).toBe(false);
      if (!decoded.ok) expect(decoded.reason.code, hash.slice(0, 20)).not.toBe('none');
    }
  });

  it('a fragment that is no scenario link still opens the default quietly', () => {
    for (const hash of ['', '#', '#about', '#t=100', '#top.', '#about=.']) expect(decodeLink(hash)).toEqual({ ok: false, reason: { code: 'none' } });
  });
});
