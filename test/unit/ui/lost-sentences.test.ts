/**
 * Every view names a message.lost by its reason: the event log, the caption, the Message tab's
 * life and the message card say a ONEWAY send lost on the way or refused, a copy lost with the
 * page cache, or one a new master's slave cut off, each as what it is.
 */
import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../../src/sim/index.ts';
import { ROCKETMQ_DEFAULTS } from '../../../src/model/defaults.ts';
import { DECLARED_NAMES } from '../../../src/ui/broker-node-names.ts';
import { CARD_STRINGS } from '../../../src/ui/card/card-strings.ts';
import { MESSAGE_STRINGS } from '../../../src/ui/insight/message/message-strings.ts';
import { narrate } from '../../../src/ui/narration/narrate.ts';
import { describeEvent } from '../../../src/ui/panels/event-sentences.ts';
import { inLanguage } from '../../../src/ui/i18n/index.ts';

type Lost = Extract<TraceEvent, { type: 'message.lost' }>;

const lost = (reason: Lost['reason'], brokerId = 0): Lost => ({
  t: 16_000, type: 'message.lost', msgId: '0A0003017EBE18B4AAC200003E80001F', broker: 'broker-b', brokerId, topic: 'TopicTest', queueId: 0,
  queueOffset: reason.startsWith('oneway') ? -1 : 12, reason,
});

/** The four texts of one event in one language: log, caption, life step, card. */
function texts(event: Lost, language: 'en' | 'zh'): string[] {
  return [
    describeEvent(event, language),
    narrate(event, language, { config: ROCKETMQ_DEFAULTS }),
    inLanguage(MESSAGE_STRINGS, language).step(event, DECLARED_NAMES),
    CARD_STRINGS[language].lost(`${event.broker}/${event.brokerId}`, event.reason),
  ];
}

describe('message.lost in every view', () => {
  it('a ONEWAY send the network swallowed is lost on the way, in English and Chinese', () => {
    for (const text of texts(lost('onewayNotDelivered'), 'en')) expect(text).toMatch(/lost on the way/i);
    for (const text of texts(lost('onewayNotDelivered'), 'zh')) expect(text).toContain('途中丢失');
    expect(texts(lost('onewayNotDelivered'), 'en')[1]).toContain('A ONEWAY send (sendOneway) waits for no answer, so its producer never learns of it');
  });

  it('a ONEWAY send the broker refused is named as refused, by the broker that refused it', () => {
    for (const text of texts(lost('onewayRefused'), 'en')) expect(text).toMatch(/refuse/);
    for (const text of texts(lost('onewayRefused'), 'zh')) expect(text).toContain('拒绝');
    expect(texts(lost('onewayRefused'), 'en')[0]).toMatch(/^broker-b\/0 refused ONEWAY message/);
  });

  it('a stored copy is lost with the page cache, or cut off by a new master\'s slave, never the one for the other', () => {
    const [log, caption, , card] = texts(lost('notFlushedNotReplicated'), 'en');
    for (const text of [log, caption, card]) expect(text).toMatch(/page cache/);
    for (const text of texts(lost('truncatedByNewMaster', 1), 'en')) expect(text).not.toMatch(/page cache/);
    expect(texts(lost('truncatedByNewMaster', 1), 'en')[3]).toContain('CommitLog');
    expect(texts(lost('truncatedByNewMaster', 1), 'zh')[3]).toContain('CommitLog');
  });
});
