import { describe, expect, it } from 'vitest';
import { decodeLink, encodeLink } from '../../../src/scenario/link.ts';
import { scenarioOf } from '../../support/test-sim.ts';
import { applyWhatIf, whatIfFromLink, whatIfToLink, type AskedWhatIf, type WhatIfChange } from '../../../src/sim/queries/what-if-change.ts';

// Names as odd as the validator lets them be: brokerNames anything but spaces and ":", topics and
// groups letters, digits, %, |, _ and -, client ids any text (QA s48, finding 3).
const BROKER = 'b%2F';
const BROKER_ODD = 'b%252F&x=y#z~.订单🚀';
const BROKER_LONG = '订'.repeat(255);
const TOPIC = 'T%25x';
const TOPIC_PIPE = 'T%2F|a';
const GROUP = 'G%26';
const PRODUCER = 'p.1&x=y';
const PRODUCER_SPACES = 'p 1 #~%25 订单 🚀=';

const json = {
  version: 1, durationMs: 60_000,
  nameServers: [{ id: 'ns-1' }],
  brokers: [{ name: BROKER }, { name: BROKER_ODD }, { name: BROKER_LONG }, { name: 'broker-a' }],
  topics: [{ name: TOPIC }, { name: TOPIC_PIPE }, { name: 'TopicTest' }],
  producers: [
    { id: PRODUCER, group: 'PG', topic: TOPIC, ratePerSec: 2 },
    { id: PRODUCER_SPACES, group: 'PG', topic: TOPIC_PIPE, ratePerSec: 2 },
    { id: 'p.2', group: 'PG', topic: 'TopicTest', ratePerSec: 2 },
  ],
  consumers: [{ id: 'c-1', group: GROUP, topic: TOPIC }, { id: 'c-2', group: 'CG', topic: 'TopicTest' }],
};
const scenario = scenarioOf(json);

/** The what-if as the page puts it in the address (url-sync.ts), read back as the page opens an address (session.ts). */
function roundTrip(w: string, damage: (fragment: string) => string = (fragment) => fragment): AskedWhatIf | null {
  const encoded = encodeLink(json, 10_000, { v: 'whatif', w });
  if (!encoded.ok) throw new Error('link too large');
  const decoded = decodeLink(`#${damage(encoded.fragment)}`);
  if (!decoded.ok) throw new Error(`link refused: ${decoded.reason.code}`);
  return whatIfFromLink(decoded.extra.w);
}

const CHANGES: WhatIfChange[] = [
  { at: 0, path: `brokers.${BROKER}.role`, value: 'SYNC_MASTER' },
  { at: 0, path: `brokers.${BROKER_ODD}.flushDiskType`, value: 'SYNC_FLUSH' },
  { at: 0, path: `brokers.${BROKER_LONG}.role`, value: 'SYNC_MASTER' },
  { at: 10_000, path: `topics.${TOPIC}.readQueueNums`, value: 4 },
  { at: 10_000, path: `topics.${TOPIC_PIPE}.writeQueueNums`, value: 2 },
  { at: 10_000, path: `groups.${GROUP}.consumers`, value: 2 },
  { at: 10_000, path: `groups.${GROUP}.allocateStrategy`, value: 'AVG_BY_CIRCLE' },
  { at: 0, path: `producers.${PRODUCER}.ratePerSec`, value: 7 },
  { at: 0, path: `producers.${PRODUCER_SPACES}.sendMode`, value: 'ASYNC' },
];

describe('a what-if in a share link (w) with names of any characters', () => {
  it('comes back exactly, through the cleaning of the fragment, and names what the scenario has', () => {
    for (const change of CHANGES) {
      const asked = roundTrip(whatIfToLink(change));
      expect(asked, change.path).toEqual({ change, untilMs: null });
      const applied = applyWhatIf(scenario, asked!.change);
      expect(applied.ok ? 'applied' : applied.message.en, change.path).toBe('applied');
    }
  });

  it('comes back with the end of the comparison, and after a chat tool wrapped and punctuated it', () => {
    const change = CHANGES[7]!;
    const chatDamage = (fragment: string) => `${fragment.replace(/&/g, '&amp;').replace(/~/, '~\n')}).`;
    expect(roundTrip(whatIfToLink(change, 60_000), chatDamage)).toEqual({ change, untilMs: 60_000 });
  });

  it('writes a name of other characters than letters, digits, _, - and . as hex of its UTF-8 bytes between ~', () => {
    expect(whatIfToLink(CHANGES[0]!)).toBe('0~brokers~62253246~role~SYNC_MASTER');
    expect(whatIfToLink({ at: 0, path: 'producers.订单.ratePerSec', value: 5 })).toBe('0~producers~e8aea2e58d95~ratePerSec~5');
    expect(whatIfToLink(CHANGES[5]!)).toBe('10000~groups~47253236~consumers~2');
    // Nothing in it for encodeURIComponent or the cleaning to change.
    for (const change of CHANGES) expect(whatIfToLink(change)).toMatch(/^[0-9A-Za-z~._-]+$/);
  });

  it('writes plain names and config keys as older builds did, so their links and ours read alike', () => {
    const plain: [WhatIfChange, number | null, string][] = [
      [{ at: 40_000, path: 'topics.TopicTest.readQueueNums', value: 8 }, null, '40000~topics.TopicTest.readQueueNums~8'],
      [{ at: 0, path: 'producers.p.2.ratePerSec', value: 7 }, null, '0~producers.p.2.ratePerSec~7'],
      [{ at: 0, path: 'brokers.broker-a.role', value: 'SYNC_MASTER' }, null, '0~brokers.broker-a.role~SYNC_MASTER'],
      [{ at: 0, path: 'config.sendLatencyFaultEnable', value: true }, 360_000, '0-360000~config.sendLatencyFaultEnable~true'],
    ];
    for (const [change, untilMs, written] of plain) {
      expect(whatIfToLink(change, untilMs)).toBe(written);
      expect(roundTrip(written)).toEqual({ change, untilMs });
    }
  });

  it('reads a link of an older build as it did, a name with ~ too', () => {
    expect(roundTrip('0-360000~groups.CG~1.allocateStrategy~AVG')).toEqual({ change: { at: 0, path: 'groups.CG~1.allocateStrategy', value: 'AVG' }, untilMs: 360_000 });
  });

  it('opens without a what-if where the hex is no name', () => {
    for (const bad of ['0~brokers~6~role~SYNC_MASTER', '0~brokers~ff~role~SYNC_MASTER', `0~brokers~${'61'.repeat(771)}~role~SYNC_MASTER`]) {
      expect(roundTrip(bad), bad).toBeNull();
    }
  });
});
