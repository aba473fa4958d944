import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { LIBRARY } from '../../../src/scenario/library/index.ts';
import {
  decodeLink, encodeLink, fnv1a, MAX_FRAGMENT_CHARS, MAX_SCENARIO_JSON_CHARS, type DecodedLink, type LinkProblem,
} from '../../../src/scenario/link.ts';

const raw = LIBRARY[0]!.scenario;

function fragmentOf(scenarioJson: unknown, timeMs: number): string {
  const encoded = encodeLink(scenarioJson, timeMs);
  if (!encoded.ok) throw new Error(`cannot encode: ${JSON.stringify(encoded.reason)}`);
  return encoded.fragment;
}

function reasonOf(result: DecodedLink): LinkProblem | 'ok' {
  return result.ok ? 'ok' : result.reason;
}

/** A link whose payload is built by hand: `1.<data>.<check>`. */
function handMade(json: string, check = fnv1a(json), version = '1'): string {
  return `#s=${version}.${compressToEncodedURIComponent(json)}.${check}&t=0`;
}

describe('shareable links', () => {
  it('round-trips the scenario as written and the moment', () => {
    const decoded = decodeLink(`#${fragmentOf(raw, 61_234)}`);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.scenarioJson).toEqual(raw);
    expect(decoded.timeMs).toBe(61_234);
    expect(decoded.scenario.name).toBe('Write 8 / read 4');
  });

  it('round-trips every library scenario', () => {
    for (const entry of LIBRARY) {
      const decoded = decodeLink(fragmentOf(entry.scenario, 0));
      expect(decoded.ok && decoded.scenarioJson).toEqual(entry.scenario);
    }
  });

  it('writes s before t, as docs/links.md shows', () => {
    expect(fragmentOf(raw, 5)).toMatch(/^s=1\.[A-Za-z0-9+\-$]+\.[0-9a-f]{8}&t=5$/);
  });

  it('reads a fragment with no scenario as "none" (the default scenario, no banner)', () => {
    for (const hash of ['', '#', '#about', '#t=100', '#s', '#lang=']) expect(reasonOf(decodeLink(hash))).toEqual({ code: 'none' });
  });

  it('names an unknown version', () => {
    expect(reasonOf(decodeLink(handMade('{}', fnv1a('{}'), '7')))).toEqual({ code: 'unknownVersion', version: '7' });
    // However long the number: another version, not odd characters; the banner quotes 12 digits.
    expect(reasonOf(decodeLink(handMade('{}', fnv1a('{}'), '99999999999999999999')))).toEqual({ code: 'unknownVersion', version: '999999999999…' });
  });

  it('reads an empty s beside a scenario link\'s other keys as cut short, not as odd characters', () => {
    expect(reasonOf(decodeLink('#s=&t=5000'))).toEqual({ code: 'truncated' });
  });

  it('reads a link cut right after "s=" as cut short, as the same link with its other keys', () => {
    for (const hash of ['#s=', 's=', '#s=).', '#s%3D']) expect(reasonOf(decodeLink(hash)), hash).toEqual({ code: 'truncated' });
  });

  it('recognizes a link cut short anywhere in the payload as truncated', () => {
    const hash = `#${fragmentOf(raw, 0)}`;
    const payloadEnd = hash.indexOf('&t=');
    for (const cut of [5, 6, 40, payloadEnd - 9, payloadEnd - 8, payloadEnd - 3, payloadEnd - 1]) {
      expect(reasonOf(decodeLink(hash.slice(0, cut)))).toEqual({ code: 'truncated' });
    }
  });

  it('recognizes a changed character as damage (checksum or decompression)', () => {
    const hash = `#${fragmentOf(raw, 0)}`;
    const at = 40;
    const changed = `${hash.slice(0, at)}${hash[at] === 'A' ? 'B' : 'A'}${hash.slice(at + 1)}`;
    const reason = reasonOf(decodeLink(changed));
    expect(reason).toMatchObject({ code: 'damaged' });
    expect(['checksum', 'decompression']).toContain((reason as { detail: string }).detail);
  });

  it('recognizes a wrong check value and foreign characters as damage', () => {
    expect(reasonOf(decodeLink(handMade('{"version":1}', '00000000')))).toEqual({ code: 'damaged', detail: 'checksum' });
    expect(reasonOf(decodeLink('#s=1.abc*def.00000000'))).toEqual({ code: 'damaged', detail: 'characters' });
    expect(reasonOf(decodeLink('#s=1.abc.0000000g'))).toEqual({ code: 'damaged', detail: 'characters' });
    expect(reasonOf(decodeLink('#s=1.AAAA.00000000'))).toEqual({ code: 'damaged', detail: 'decompression' });
  });

  it('keeps the scenario of a link whose only damage is its time, at 0:00, and says the time was unreadable', () => {
    for (const time of ['soon', '%zz', '-5', '1234567890', '12.5']) {
      const decoded = decodeLink(`#${fragmentOf(raw, 70_003).replace('&t=70003', `&t=${time}`)}&v=dashboard`);
      expect(decoded, time).toMatchObject({ ok: true, scenarioJson: raw, timeMs: 0, timeUnreadable: true, extra: { v: 'dashboard' } });
    }
    for (const hash of [`#${fragmentOf(raw, 70_003)}`, `#${fragmentOf(raw, 0).replace('&t=0', '&t=')}`, `#${fragmentOf(raw, 0).replace('&t=0', '')}`]) {
      expect(decodeLink(hash), hash).toMatchObject({ ok: true, timeUnreadable: false });
    }
    // A damaged payload beside it is still refused as before.
    expect(reasonOf(decodeLink('#s=1.abc*def.00000000&t=soon'))).toEqual({ code: 'damaged', detail: 'characters' });
  });

  it('refuses a fragment over 64 KB before reading it', () => {
    const hash = `#s=1.${'A'.repeat(MAX_FRAGMENT_CHARS)}.00000000`;
    expect(reasonOf(decodeLink(hash))).toEqual({ code: 'tooLarge', what: 'link', limit: MAX_FRAGMENT_CHARS });
  });

  it('stops decompressing past 1 MB (a small link can expand enormously)', () => {
    const huge = 'x'.repeat(MAX_SCENARIO_JSON_CHARS + 10);
    const hash = handMade(huge);
    expect(hash.length).toBeLessThan(MAX_FRAGMENT_CHARS);
    expect(reasonOf(decodeLink(hash))).toEqual({ code: 'tooLarge', what: 'scenario', limit: MAX_SCENARIO_JSON_CHARS });
  });

  it('refuses to write a link for a scenario too large to share', () => {
    const big = { ...(raw as object), description: 'x'.repeat(MAX_SCENARIO_JSON_CHARS) };
    expect(encodeLink(big, 0)).toMatchObject({ ok: false, reason: { code: 'tooLarge', what: 'scenario' } });
  });

  it('lists the first validation errors of an invalid scenario, by path', () => {
    const bad = { ...(raw as object), topics: [{ name: 'TopicTest', cluster: 'DefaultCluster', readQueueNums: 0 }], seed: -1 };
    const reason = reasonOf(decodeLink(handMade(JSON.stringify(bad))));
    expect(reason).toMatchObject({ code: 'invalidScenario' });
    const paths = (reason as { errors: { path: string }[] }).errors.map((error) => error.path);
    expect(paths).toContain('seed');
    expect(paths).toContain('topics[0].readQueueNums');
  });

  it('reads a checked payload that is not JSON as damage', () => {
    expect(reasonOf(decodeLink(handMade('{"version": 1,')))).toEqual({ code: 'damaged', detail: 'json' });
  });

  it('accepts a link whose $ and + were percent-encoded, or whose + became a space', () => {
    const hash = `#${fragmentOf(raw, 1_000)}`;
    expect(decodeLink(hash.replace(/\$/g, '%24').replace(/\+/g, '%2B')).ok).toBe(true);
    expect(decodeLink(hash.replace(/\+/g, ' ')).ok).toBe(true);
  });

  it('clamps a time past the end of the run to its end', () => {
    const decoded = decodeLink(`#${fragmentOf(raw, 999_999_999)}`);
    expect(decoded.ok && decoded.timeMs).toBe(180_000);
  });
});

describe('the page keys after t (docs/links.md)', () => {
  it('writes them after t, in order, and reads back their values', () => {
    const encoded = encodeLink(raw, 5, { v: 'dashboard', w: 'readQueueNums.4_é' });
    expect(encoded.ok && encoded.fragment).toMatch(/&t=5&v=dashboard&w=readQueueNums\.4_%C3%A9$/);
    const decoded = decodeLink(`#${encoded.ok ? encoded.fragment : ''}`);
    expect(decoded.ok && { ...decoded.extra }).toEqual({ v: 'dashboard', w: 'readQueueNums.4_é' });
  });

  it('keeps the first value of a repeated key and never takes s or t for one', () => {
    const decoded = decodeLink(`#${fragmentOf(raw, 0)}&v=message&v=cluster`);
    expect(decoded.ok && { ...decoded.extra }).toEqual({ v: 'message' });
  });

  it('reads a key named like a built-in as just a name', () => {
    const decoded = decodeLink(`#${fragmentOf(raw, 0)}&__proto__=x&constructor=y`);
    expect(decoded.ok && decoded.extra['__proto__']).toBe('x');
    expect(decoded.ok && decoded.extra['constructor']).toBe('y');
    expect(decoded.ok && Object.getPrototypeOf(decoded.extra)).toBeNull();
  });
});
