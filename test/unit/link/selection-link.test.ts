import { describe, expect, it } from 'vitest';
import { createUniqId, parseIpv4 } from '../../../src/model/message-id.ts';
import { encodeLink, readLinkKey } from '../../../src/scenario/link.ts';
import { decodeSelection, encodeSelection, type LinkSelection } from '../../../src/scenario/selection-link.ts';
import { validateScenario } from '../../../src/scenario/validate.ts';
import { chapterScenario } from '../../../src/ui/learn/chapter.ts';
import { CHAPTERS } from '../../../src/ui/learn/chapters/index.ts';
import { scenarioOf } from '../../support/test-sim.ts';

// A consumer id, a brokerName and a topic as hostile as the validator lets them be.
const NAMES = ['__proto__', '订单a&b=c#d%26.', 'constructor'];

const scenario = scenarioOf({
  version: 1, durationMs: 60_000,
  nameServers: [{ id: 'ns-1' }],
  brokers: [{ name: 'broker-a' }, { name: NAMES[1] }],
  topics: [{ name: 'TopicTest', writeQueueNums: 8, readQueueNums: 4 }, { name: NAMES[2] }],
  producers: [{ id: 'p-1', group: 'PG', topic: 'TopicTest', ratePerSec: 1, ip: '10.0.3.1' }],
  consumers: [{ id: NAMES[0], group: 'CG', topic: 'TopicTest' }],
});

/** MessageClientIDSetter's id for a client at this IP. */
const msgIdFrom = (ip: string) => createUniqId({ ip: parseIpv4(ip), pid: 4_242, classLoaderHash: 0x12345678, startOfMonthMs: 5_000, counter: 7 });

/** A whole link with `sel` as the page writes it, read back as the page reads it. */
function roundTrip(selection: LinkSelection): LinkSelection | null {
  const encoded = encodeLink({ version: 1 }, 5_000);
  if (!encoded.ok) throw new Error('link too large');
  return decodeSelection(readLinkKey(`#${encoded.fragment}&sel=${encodeSelection(selection)}`, 'sel'), scenario);
}

describe('the selection in a link (sel)', () => {
  it('brings back a message, a queue and each kind of process, whatever their names', () => {
    const selections: LinkSelection[] = [
      { kind: 'message', msgId: msgIdFrom('10.0.3.1') },
      { kind: 'queue', topic: 'TopicTest', broker: 'broker-a', queueId: 5 },
      { kind: 'queue', topic: NAMES[2]!, broker: NAMES[1]!, queueId: 0 },
      { kind: 'broker', id: `${NAMES[1]}/0` },
      { kind: 'client', id: NAMES[0]! },
      { kind: 'nameServer', id: 'ns-1' },
    ];
    for (const selection of selections) expect(roundTrip(selection)).toEqual(selection);
  });

  it('brings back a broker selected by its brokerName (its master now), as a chapter\'s step selects it', () => {
    expect(roundTrip({ kind: 'broker', id: 'broker-a' })).toEqual({ kind: 'broker', id: 'broker-a' });
    expect(roundTrip({ kind: 'broker', id: NAMES[1]! })).toEqual({ kind: 'broker', id: NAMES[1] });
    expect(roundTrip({ kind: 'broker', id: 'broker-z' })).toBeNull();
  });

  // "Try it yourself" keeps the step's selection; a link made then must open with it.
  it('carries every process a chapter\'s step selects, in the chapter\'s own scenario', async () => {
    for (const entry of CHAPTERS) {
      const chapter = await entry.load();
      const checked = validateScenario(chapterScenario(chapter));
      if (!checked.ok) throw new Error(`${entry.id} does not validate`);
      for (const { focus } of chapter.steps) {
        if (focus === undefined || focus.kind === 'message') continue;
        expect(decodeSelection(encodeSelection(focus), checked.scenario), `${entry.id} ${focus.id}`).toEqual({ kind: focus.kind, id: focus.id });
      }
    }
  });

  it('writes names as hex of their UTF-8 bytes and the msgId as it is', () => {
    expect(encodeSelection({ kind: 'queue', topic: 'TopicTest', broker: 'broker-a', queueId: 5 })).toBe('q.5.546f70696354657374.62726f6b65722d61');
    expect(encodeSelection({ kind: 'message', msgId: '0A00030110920000000000000000000A' })).toBe('m.0A00030110920000000000000000000A');
  });

  it('survives chat-tool damage around it', () => {
    const sel = encodeSelection({ kind: 'client', id: NAMES[0]! });
    expect(decodeSelection(readLinkKey(`#t=5&amp;sel=${sel}).`, 'sel'), scenario)).toEqual({ kind: 'client', id: NAMES[0] });
  });

  it('ignores damaged values', () => {
    const damaged = [
      undefined, '', 'm', 'm.', 'x.62', 'b', 'b.', 'b.6', 'b.zz', 'b.ff', 'c.62.62', 'q.5.546f70696354657374', 'q.-1.546f70696354657374.62726f6b65722d61',
      'q.99999.546f70696354657374.62726f6b65722d61', `m.${msgIdFrom('10.0.3.1').toLowerCase()}`, `m.${msgIdFrom('10.0.3.1').slice(1)}`, '__proto__', 'constructor.62',
    ];
    for (const value of damaged) expect(decodeSelection(value, scenario), String(value)).toBeNull();
  });

  it('ignores what names nothing of the scenario', () => {
    const unknown: LinkSelection[] = [
      { kind: 'message', msgId: msgIdFrom('10.9.9.9') },
      { kind: 'queue', topic: 'NoSuchTopic', broker: 'broker-a', queueId: 1 },
      { kind: 'queue', topic: 'TopicTest', broker: 'broker-z', queueId: 1 },
      { kind: 'broker', id: 'broker-a/1' },
      { kind: 'client', id: 'c-9' },
      { kind: 'nameServer', id: 'ns-2' },
    ];
    for (const selection of unknown) expect(roundTrip(selection), JSON.stringify(selection)).toBeNull();
  });

  it('carries the longest name, 255 characters of 3 UTF-8 bytes each, and a node of it', () => {
    const name = '订'.repeat(255);
    const long = scenarioOf({ version: 1, nameServers: [{ id: 'ns-1' }], brokers: [{ name }, { name, brokerId: 1023 }], topics: [{ name: 'TopicTest' }] });
    for (const selection of [{ kind: 'broker', id: `${name}/1023` }, { kind: 'queue', topic: 'TopicTest', broker: name, queueId: 0 }] as const) {
      expect(decodeSelection(encodeSelection(selection), long)).toEqual(selection);
    }
  });
});
