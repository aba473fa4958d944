// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { indexSlot } from '../../../src/model/broker/index-service.ts';
import { javaStringHashCode } from '../../../src/model/java.ts';
import { decodeOffsetMsgId, parseUniqId } from '../../../src/model/message-id.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { CardHost } from '../../../src/ui/controls/CardHost.tsx';
import { loadAt } from '../panels/load.ts';
import { producerSpec, writeReadScenario } from '../panels/scenarios.ts';
import { libraryScenario } from '../../support/library.ts';
import { findChapter } from '../../../src/ui/learn/chapters/index.ts';
import { scenarioOf, type ScenarioJson } from '../../support/test-sim.ts';

afterEach(() => {
  cleanup();
  act(() => usePlayback.getState().select(null));
});

/** Write 8 / read 4 with keys on the producer's messages. */
function keyedScenario() {
  const scenario = writeReadScenario();
  return { ...scenario, producers: [{ ...producerSpec('p-1', 'TopicTest', 10), keyPrefix: 'order' }] };
}

describe('the message card', () => {
  it('at its send, before any broker stored it, names the queue the producer chose', async () => {
    const first = loadAt(keyedScenario(), 30_000).traceSlice(0).find((e) => e.type === 'message.sent')!;
    if (first.type !== 'message.sent') throw new Error('no send');
    const timeline = loadAt(keyedScenario(), first.t);
    expect(timeline.traceSlice(0).some((e) => e.type === 'message.stored' && e.msgId === first.msgId)).toBe(false);
    act(() => usePlayback.getState().select({ kind: 'message', msgId: first.msgId }));
    render(<CardHost />);
    const facts = await screen.findByTestId('card-facts', {}, { timeout: 10_000 });
    expect(facts).toHaveTextContent(`Queue id${first.broker} #${first.queueId} (the producer's choice; not stored yet)`);
    expect(facts).toHaveTextContent('Queue offset—');
    // It has no offsetMsgId yet: the broker makes one from its store host and the CommitLog offset it stored the message at.
    expect(screen.getByTestId('card-no-offset-msg-id')).toHaveTextContent('None yet: a broker gives a message its offsetMsgId when it stores it (its store host and the CommitLog offset).');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(await screen.findByTestId('card-no-offset-msg-id')).toHaveTextContent('尚未存储：Broker 存储这条消息后才有 offsetMsgId（由存储主机和 CommitLog 偏移量组成）。');
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('decodes both ids, shows the tag hash, the keys through the index, the send and who consumed it', async () => {
    const timeline = loadAt(keyedScenario(), 30_000);
    const events = timeline.traceSlice(0);
    const consumed = events.find((e) => e.type === 'message.consumed')!;
    if (consumed.type !== 'message.consumed') throw new Error('no consumption');
    const stored = events.find((e) => e.type === 'message.stored' && e.msgId === consumed.msgId && e.brokerId === 0)!;
    const sent = events.find((e) => e.type === 'message.sent' && e.msgId === consumed.msgId)!;
    if (stored.type !== 'message.stored' || sent.type !== 'message.sent') throw new Error('no store');
    act(() => usePlayback.getState().select({ kind: 'message', msgId: consumed.msgId }));
    render(<CardHost />);
    const card = await screen.findByTestId('message-card');
    // The heading keeps the msgId whole, in a span of its own that does not wrap (card.css).
    expect(within(card).getByRole('heading', { level: 2 })).toHaveTextContent(`Message ${consumed.msgId}`);
    expect(card.querySelector('.rs-card-msgid')).toHaveTextContent(new RegExp(`^${consumed.msgId}$`));
    // The message's life comes from the named query messageLife, a moment after the card opens.
    await within(card).findByTestId('card-msgid');
    const fields = parseUniqId(consumed.msgId)!;
    const msgIdTable = within(card).getByTestId('card-msgid');
    expect(msgIdTable).toHaveTextContent(`client IP${consumed.msgId.slice(0, 8)}${fields.ip.join('.')}`);
    expect(msgIdTable).toHaveTextContent(`counter${consumed.msgId.slice(28)}${fields.counter}`);
    const decoded = decodeOffsetMsgId(stored.offsetMsgId)!;
    expect(within(card).getByTestId('card-offsetmsgid')).toHaveTextContent(`${decoded.ip}:${decoded.port}`);
    expect(within(card).getByTestId('card-offsetmsgid')).toHaveTextContent(decoded.commitLogOffset.toLocaleString('en-US'));
    expect(within(card).getByTestId('card-why-both')).toHaveTextContent(/Why both\?/);
    expect(within(card).getByTestId('card-facts')).toHaveTextContent(`tagsCode in the ConsumeQueue${javaStringHashCode(sent.tags)}`);
    expect(sent.keys).toMatch(/^order-\d+$/);
    const slot = indexSlot('TopicTest', sent.keys);
    expect(within(card).getByTestId('card-index')).toHaveTextContent(`TopicTest#${sent.keys} → keyHash ${slot.keyHash} → slot ${slot.slot.toLocaleString('en-US')}`);
    expect(within(card).getByTestId('card-index')).toHaveTextContent(`CommitLog offset ${stored.commitLogOffset.toLocaleString('en-US')}`);
    expect(within(card).getByTestId('card-sends')).toHaveTextContent(`attempt 1: sent to ${sent.broker} queue ${sent.queueId}`);
    expect(within(card).getByTestId('card-consumption')).toHaveTextContent(`consumed by ${consumed.consumer} (CG_ORDER)`);
  });

  it('follows the message through the modules of the broker that stored it: the card docks over the inspector at 1280 px', async () => {
    const timeline = loadAt(keyedScenario(), 30_000);
    const stored = timeline.traceSlice(0).find((e) => e.type === 'message.stored' && e.brokerId === 0 && e.queueId === 2)!;
    if (stored.type !== 'message.stored') throw new Error('no store');
    act(() => usePlayback.getState().select({ kind: 'message', msgId: stored.msgId }));
    render(<CardHost />);
    const section = await screen.findByTestId('card-modules', {}, { timeout: 10_000 });
    expect(section).toHaveTextContent(`Through ${stored.broker}/0's modules`);
    expect(within(section).getByTestId('path-send')).toHaveTextContent('SendMessageProcessor: SEND_MESSAGE from p-1');
    expect(within(section).getByTestId('path-commitLog')).toHaveTextContent(`CommitLog at physical offset ${stored.commitLogOffset.toLocaleString('en-US')}`);
    expect(within(section).getByTestId('path-consumeQueue')).toHaveTextContent(`the ConsumeQueue of ${stored.topic} queue 2 at queue offset ${stored.queueOffset}`);
    expect(within(section).getByTestId('path-index')).toHaveTextContent(/TopicTest#order-\d+, TopicTest#/);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('card-modules')).toHaveTextContent(`经过 ${stored.broker}/0 的各个模块`);
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('says a message in a queue at or above readQueueNums is unconsumable until readQueueNums is raised', async () => {
    const timeline = loadAt(keyedScenario(), 30_000);
    const upper = timeline.traceSlice(0).find((e) => e.type === 'message.stored' && e.queueId >= 4)!;
    if (upper.type !== 'message.stored') throw new Error('no store in queues 4-7');
    act(() => usePlayback.getState().select({ kind: 'message', msgId: upper.msgId }));
    render(<CardHost />);
    expect(await screen.findByTestId('card-never')).toHaveTextContent('Unconsumable: its queue id is at or above readQueueNums (4), so no consumer is given it until readQueueNums is raised.');
  });

  it('lists a queue\'s latest messages from its ConsumeQueue, and one click opens a message\'s card; Escape and Close close it', async () => {
    const timeline = loadAt(keyedScenario(), 30_000);
    act(() => usePlayback.getState().select({ kind: 'queue', topic: 'TopicTest', broker: 'broker-a', queueId: 5 }));
    render(<CardHost />);
    const list = await screen.findByTestId('queue-latest');
    // Queue 5 is at or above readQueueNums 4: the card says so, as the canvas and the queue panel do.
    expect(screen.getByTestId('queue-never')).toHaveTextContent('Unconsumable: this queue\'s id is at or above readQueueNums (4), so no consumer is given it, and its messages wait, until readQueueNums is raised.');
    const queue = timeline.state.brokers['broker-a/0']!.consumeQueues['TopicTest']![5]!;
    const newest = timeline.state.brokers['broker-a/0']!.commitLog.at(queue.at(queue.length - 1)!)!;
    const items = within(list).getAllByTestId('queue-message');
    expect(items).toHaveLength(8);
    expect(items[0]).toHaveTextContent(`#${newest.queueOffset} ${newest.msgId}`);
    // The list's button goes with the list: the card keeps a keyboard user's focus.
    items[0]!.focus();
    expect(items[0]).toHaveFocus();
    act(() => fireEvent.click(items[0]!));
    expect(usePlayback.getState().selection).toEqual({ kind: 'message', msgId: newest.msgId });
    expect(await screen.findByTestId('card-msgid')).toBeInTheDocument();
    expect(screen.getByTestId('message-card')).toHaveFocus();
    act(() => fireEvent.keyDown(screen.getByTestId('card-msgid'), { key: 'Escape' }));
    expect(screen.queryByTestId('message-card')).toBeNull();
    act(() => usePlayback.getState().select({ kind: 'message', msgId: newest.msgId }));
    act(() => fireEvent.click(screen.getByTestId('card-close')));
    expect(screen.queryByTestId('message-card')).toBeNull();
    act(() => usePlayback.getState().select({ kind: 'queue', topic: 'TopicTest', broker: 'broker-a', queueId: 3 }));
    await screen.findByTestId('queue-latest');
    expect(screen.queryByTestId('queue-never')).toBeNull();
  });
});

describe('the message card after a controller election', () => {
  it('is aria-busy until its answer has come, then names the slave copy stored as broker-a/2 (controller id) as the node broker-a/1', async () => {
    // controller-failover: broker-a/1 is the slave with brokerId 2 (its controller id) until it is elected at 42 s.
    const timeline = loadAt(libraryScenario('controller-failover'), 20_000);
    const copy = timeline.traceSlice(0).findLast((e) => e.type === 'message.stored' && e.broker === 'broker-a' && e.brokerId === 2)!;
    if (copy.type !== 'message.stored') throw new Error('no slave copy');
    act(() => usePlayback.getState().select({ kind: 'message', msgId: copy.msgId }));
    render(<CardHost />);
    const card = await screen.findByTestId('message-card');
    await waitFor(() => expect(card).toHaveAttribute('aria-busy', 'false'));
    // A move makes the answer shown an old one until the new one comes.
    act(() => usePlayback.getState().seek(25_000));
    expect(card).toHaveAttribute('aria-busy', 'true');
    await waitFor(() => expect(card).toHaveAttribute('aria-busy', 'false'));
    const captions = within(card).getAllByTestId('card-offsetmsgid').map((table) => table.querySelector('caption')?.textContent ?? '');
    expect(captions.some((caption) => caption.includes('· broker-a/1, TopicTest'))).toBe(true);
    expect(captions.some((caption) => caption.includes('broker-a/2'))).toBe(false);
  });
});

describe('the message card of a message read from a slave', () => {
  it('says which slave it was read from: chapter 9\'s message consumed from broker-a/1 after its master crashed, in both languages', async () => {
    const chapter = await findChapter('failover')!.load();
    const step = chapter.steps.findIndex((candidate) => 'type' in candidate.wait && candidate.wait.type === 'message.consumed');
    expect(chapter.steps[step]!.focus).toEqual({ kind: 'message', section: 'consumption' });
    const scenario = scenarioOf(('file' in chapter.scenario ? chapter.scenario.file : {}) as ScenarioJson);
    const timeline = loadAt(scenario, 60_000);
    const fromSlave = timeline.traceSlice(0).find((e) => e.type === 'message.consumed' && e.broker === 'broker-a' && e.brokerId === 1)!;
    const fromMaster = timeline.traceSlice(0).find((e) => e.type === 'message.consumed' && e.broker === 'broker-a' && e.brokerId === 0)!;
    act(() => usePlayback.getState().select({ kind: 'message', msgId: fromSlave.type === 'message.consumed' ? fromSlave.msgId : '' }));
    render(<CardHost />);
    const consumption = await screen.findByTestId('card-consumption', {}, { timeout: 10_000 });
    await waitFor(() => expect(consumption).toHaveTextContent('consumed by c-1 (CG_ORDER), read from the slave broker-a/1'));
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('card-consumption')).toHaveTextContent('被 c-1（CG_ORDER）消费，从 Slave broker-a/1 读取');
    act(() => usePlayback.getState().setLanguage('en'));
    // One read from the master says nothing of a slave.
    act(() => usePlayback.getState().select({ kind: 'message', msgId: fromMaster.type === 'message.consumed' ? fromMaster.msgId : '' }));
    await waitFor(() => expect(screen.getByTestId('card-consumption')).toHaveTextContent('consumed by c-1 (CG_ORDER)'));
    expect(screen.getByTestId('card-consumption')).not.toHaveTextContent('read from the slave');
  });
});

describe('the message card of a message stored behind its group\'s offset', () => {
  it('says first that CG will never read it, and its path through the broker says no pull gave it out, in both languages', async () => {
    const timeline = loadAt(libraryScenario('power-loss-flush'), 150_000);
    const behind = timeline.traceSlice(0).find((e) => e.type === 'message.storedBehind')!;
    act(() => usePlayback.getState().select({ kind: 'message', msgId: behind.type === 'message.storedBehind' ? behind.msgId : '' }));
    render(<CardHost />);
    const banner = await screen.findByTestId('card-never-read', {}, { timeout: 10_000 });
    expect(banner).toHaveTextContent('CG will never read this message: it was stored at a queue offset that group had already read past (the queue had been cut back)');
    // Not "pulled and committed by CG": its committed offset passed the offset before the message was there.
    await waitFor(() => expect(screen.getByTestId('path-pull')).toHaveTextContent('PullMessageProcessor: never given out to CG, whose offset was already past it when it was stored'));
    expect(screen.getByTestId('card-consumption')).not.toHaveTextContent('Not consumed yet');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('card-never-read')).toHaveTextContent('CG 永远读不到这条消息');
    expect(screen.getByTestId('path-pull')).toHaveTextContent('PullMessageProcessor：从未交给 CG');
    act(() => usePlayback.getState().setLanguage('en'));
  });
});

describe('the message card of a message consumed twice', () => {
  it('says beside the second consumption what brought it back, in both languages: c-4\'s arrival at 60 s moved its queue before the offset was committed', async () => {
    const timeline = loadAt(libraryScenario('consumer-join-leave'), 70_000);
    const again = timeline.traceSlice(0).find((e) => e.type === 'message.consumedAgain')!;
    if (again.type !== 'message.consumedAgain') throw new Error('no duplicate');
    act(() => usePlayback.getState().select({ kind: 'message', msgId: again.msgId }));
    render(<CardHost />);
    const consumption = await screen.findByTestId('card-consumption', {}, { timeout: 10_000 });
    const consumptions = () => [...consumption.querySelectorAll('li')].map((row) => row.textContent ?? '').filter((row) => row.includes('consumed by'));
    await waitFor(() => expect(consumptions()).toHaveLength(2));
    const [first, second] = consumptions();
    expect(first).not.toContain('duplicate');
    expect(second).toContain(`consumed by ${again.consumer} (CG_ORDER); a duplicate for the group: redelivered after a rebalance moved the queue before its offset was committed`);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('card-consumption')).toHaveTextContent(`被 ${again.consumer}（CG_ORDER）消费；对该组是一次重复消费：负载均衡把队列交给了别的消费者，而消费位点尚未提交，于是再次投递`);
    act(() => usePlayback.getState().setLanguage('en'));
  });
});
