/**
 * What the event log's live region says while a run plays: the news, not the traffic.
 *
 * The rule, for a learner listening with a screen reader:
 * - Only notable events are said (newsRank): a timeline action (the fault or command the scenario
 *   makes) that changed something (one traced with noEffect is the caption's and the log's to say);
 *   what changes the cluster (a broker removed, an election, a role change, a lost message, a
 *   message stored where its readers have passed); then how the cluster and its clients follow (a
 *   broker's first registration, a rebalance, a client's route changed, a client removed or
 *   choosing another NameServer, a call that timed out and closed its channel) and what failed
 *   (a send attempt, a send stored without every guarantee, a route query, a message sent to the
 *   DLQ). Traffic is never said: sends and their SEND_OK, stores, consumptions and their
 *   duplicates, offset commits, heartbeats, route pulls, a broker's periodic registration.
 * - One announcement, then silence until it has been spoken (speakingMs: at least ANNOUNCE_GAP_MS,
 *   longer for a long sentence). Said once a second, the sentences of a playing run queued up in
 *   the screen reader faster than it could speak them, and it lagged the run by tens of seconds.
 * - Every timeline action is said, in its turn (nextNews); of the rest that came meanwhile, the most
 *   notable, the first of equals (a cause comes before what follows from it), with the other
 *   notable events passed over counted by kind (spokenPassed: "and 12 more in the log: 8 failed
 *   sends, 4 rebalances"), so that the learner knows what to pause for and read in the log; a
 *   bare "and 446 more" during a fault at 10x told nothing. Routine events are not counted: their
 *   number says nothing a learner can act on. Nor are repeats of what was said (repeatKey): every
 *   send failing the same way while a broker is cut off.
 * - Nothing notable, nothing said. Paused, nothing either: the caption speaks for a step
 *   (NarrationCaption.tsx), and the news left from playing is dropped.
 * - What the playhead passed without playing through it is not news: when play starts, after a move
 *   back and after a jump (a seek: a scrubber mark, End), the announcer reads on from where the
 *   playhead stands. A pause that moved nothing keeps the repeats said as no news; after any move
 *   they are news again, as a fault may lie in what was passed over.
 *
 * The announcer reads the whole trace the page holds, whatever the log's filter, and follows the
 * store rather than the log's view, which stops following the playhead while the log is scrolled
 * off screen (src/ui/on-screen.tsx). A sentence too long to take in by ear (every queue of a
 * rebalance) has a shorter spoken form (SHORT); msgIds are said by their last four digits.
 */
import { useEffect, useRef } from 'react';
import type { TraceEvent, TraceType } from '../../sim/index.ts';
import type { TraceSource } from '../../sim/timeline.ts';
import { getTimeline, usePlayback, type PlaybackState } from '../../store/playback.ts';
import type { Language } from '../../scenario/language.ts';
import { isolateNames } from '../bidi-names.ts';
import { drawnNode } from '../broker-node-names.ts';
import { inLanguage, type Bilingual } from '../i18n/index.ts';
import { closedCallCount } from '../narration/channel-closed.ts';
import { MSG_ID_PART, spokenId } from '../narration/spoken-ids.ts';
import { describeEvent, type EventContext } from './event-sentences.ts';

/** The shortest wall time between two announcements while playing: a short sentence's speaking time. */
export const ANNOUNCE_GAP_MS = 4_000;
/**
 * A usual screen reader's speaking rate, in characters a second of English; a Chinese character
 * takes about as long as three (a syllable each, spoken at four or five a second).
 */
const CHARACTERS_PER_SECOND = 15;
/** Events read at most per store change: a jump far ahead while playing is not read through. */
const MAX_READ = 5_000;

/** The types that may be news (newsRank); the others are traffic. */
type NewsType = 'fault' | 'broker.removed' | 'controller.elected' | 'broker.roleChanged' | 'message.lost' | 'message.storedBehind'
  | 'topic.updateFailed' | 'consumer.startFailed' | 'rebalance' | 'route.updated' | 'consumer.removed' | 'producer.removed' | 'nameServer.chosen'
  | 'channel.closed' | 'syncStateSet.changed' | 'send.failed' | 'route.failed' | 'broker.registered' | 'send.result'
  | 'consume.failed' | 'pull.rejected' | 'nameServer.wipeWritePerm' | 'nameServer.addWritePerm' | 'nameServer.writePermFailed';

/** Notable events: how notable (1 the most), by type; the types left out are traffic. */
const RANKS: Partial<Record<NewsType, number>> = {
  fault: 1,
  'broker.removed': 2, 'controller.elected': 2, 'broker.roleChanged': 2, 'message.lost': 2, 'message.storedBehind': 2, 'topic.updateFailed': 2,
  'consumer.startFailed': 2,
  'nameServer.wipeWritePerm': 2, 'nameServer.addWritePerm': 2, 'nameServer.writePermFailed': 2,
  rebalance: 3, 'route.updated': 3, 'consumer.removed': 3, 'producer.removed': 3, 'nameServer.chosen': 3, 'channel.closed': 3, 'syncStateSet.changed': 3,
  'send.failed': 4, 'route.failed': 4,
};

/**
 * How notable an event is to a learner while the run plays, 1 the most; null for traffic. Some
 * types are news only in some of their events: a broker's registration when it is its first with
 * that NameServer or follows its new role (not the periodic one, its heartbeat, nor one after a
 * topic change, whose command is news already); a send's result when stored without every
 * guarantee (FLUSH_DISK_TIMEOUT, SLAVE_NOT_AVAILABLE...; a FAILED one follows its last send.failed);
 * a failed consumption when the message goes to the DLQ (a retry is the listener's ordinary
 * RECONSUME_LATER); a refused pull when the queue lost its tail (PULL_OFFSET_MOVED: a refusal for a
 * queue without read perm comes with every pull).
 */
export function newsRank(event: TraceEvent): number | null {
  if (event.type === 'fault') return event.noEffect ? null : RANKS.fault!;
  if (event.type === 'broker.registered') return event.first || event.trigger === 'roleChanged' ? 3 : null;
  if (event.type === 'send.result') return event.status === 'SEND_OK' || event.status === 'FAILED' ? null : 4;
  if (event.type === 'consume.failed') return event.next === 'dlq' ? 4 : null;
  if (event.type === 'pull.rejected') return event.reason === 'PULL_OFFSET_MOVED' ? 3 : null;
  return RANKS[event.type as NewsType] ?? null;
}

/**
 * What makes a notable event the same news as one said before, for the kinds a fault repeats while
 * it lasts: a producer's sends failing the same way at the same broker (every send while a broker
 * is cut off), a client's route queries failing at a NameServer (every 30 s while it is down), the
 * same calls timing out, a consumer given the same queues again (each rebalance while a broker is
 * unreachable, docs/trace.md), a group's messages going to its DLQ. The other notable events are
 * news each time.
 */
const REPEATS: { [K in TraceEvent['type']]?: (event: Extract<TraceEvent, { type: K }>) => string } = {
  'send.failed': (e) => `${e.producer} ${e.broker} ${e.reason}`,
  'route.failed': (e) => `${e.client} ${e.nameServer} ${e.reason}`,
  'channel.closed': (e) => `${e.from} ${e.to} ${e.code}`,
  rebalance: (e) => `${e.consumer} ${e.topic} ${e.queues.join(',')}`,
  'consume.failed': (e) => `${e.consumer} ${e.group}`,
  'send.result': (e) => `${e.producer} ${e.status}`,
};

function repeatKey(event: TraceEvent): string | null {
  const key = REPEATS[event.type] as ((e: TraceEvent) => string) | undefined;
  return key ? `${event.type} ${key(event)}` : null;
}

/** The notable events passed over, how many of each type, in the order their types were first met. */
export type Passed = Partial<Record<TraceType, number>>;

/**
 * The news waiting to be said: the timeline actions, each of which is said in its turn, the most
 * notable of the other events (the first of equals), and the notable events passed over for it
 * since the last announcement.
 */
interface News {
  faults: TraceEvent[];
  best: TraceEvent | null;
  passed: Passed;
}

export const NO_NEWS: News = { faults: [], best: null, passed: {} };

/** `passed` with one more event of `type`. */
function passOver(passed: Passed, type: TraceType): void {
  passed[type] = (passed[type] ?? 0) + 1;
}

/** How many notable events were passed over. */
function passedCount(passed: Passed): number {
  return Object.values(passed).reduce((sum, count) => sum + count, 0);
}

/**
 * The news of `events` added to `news`. A repeat of what was said (`said`: repeatKey) is no news,
 * and not counted either: after a minute of a partition, "and 700 more" counted the same failed
 * send over and over.
 */
export function addNews(news: News, events: readonly TraceEvent[], said: ReadonlySet<string> = new Set()): News {
  let { faults, best } = news;
  const passed = { ...news.passed };
  for (const event of events) {
    const rank = newsRank(event);
    const key = repeatKey(event);
    if (rank === null || (key !== null && said.has(key))) continue;
    if (event.type === 'fault') faults = [...faults, event];
    else if (!best) best = event;
    else if (rank < newsRank(best)!) {
      passOver(passed, best.type);
      best = event;
    } else passOver(passed, event.type);
  }
  return { faults, best, passed };
}

/**
 * What to say next, and the news left: a timeline action, unless a change of the cluster (rank 2: a
 * broker removed, an election, a lost message...) came before it, which is said first so that the
 * story keeps its order (a controller's election, then the partition's heal); the rest is said only
 * when no action waits, unless it came before the action said. What was passed over is counted
 * with it (`others`) and forgotten.
 */
export function nextNews(news: News): { event: TraceEvent; others: Passed; left: News } | null {
  const [fault, ...laterFaults] = news.faults;
  const { best, passed } = news;
  if (best && (!fault || (newsRank(best) === 2 && best.t < fault.t))) return { event: best, others: passed, left: { faults: news.faults, best: null, passed: {} } };
  if (!fault) return null;
  // What came before the action is old news once the action is said.
  const stale = best !== null && best.t < fault.t;
  const others = { ...passed };
  if (stale) passOver(others, best.type);
  return { event: fault, others, left: { faults: laterFaults, best: stale ? null : best, passed: {} } };
}

/**
 * The news said: a fault starts over (what it breaks is news again), and the event's repeats are not
 * news until then. An action that changed nothing (noEffect) breaks nothing: the repeats stay said.
 */
export function markSaid(said: Set<string>, event: TraceEvent): void {
  if (event.type === 'fault' && !event.noEffect) said.clear();
  const key = repeatKey(event);
  if (key !== null) said.add(key);
}

/** How long `text` takes to speak, in wall ms, and never less than ANNOUNCE_GAP_MS. */
function speakingMs(text: string): number {
  const wide = text.match(/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/g)?.length ?? 0;
  return Math.max(ANNOUNCE_GAP_MS, ((text.length + 2 * wide) * 1_000) / CHARACTERS_PER_SECOND);
}

/** A text with every msgId as it is spoken (spoken-ids.ts). */
export function spokenIds(text: string): string {
  return text.split(MSG_ID_PART).map((part, index) => (index % 2 === 0 ? part : spokenId(part))).join('');
}

type ShortSaid = { [K in TraceEvent['type']]?: (event: Extract<TraceEvent, { type: K }>, context: EventContext) => string };

/**
 * Shorter spoken sentences for the notable events whose log sentence lists what a listener cannot
 * take in (every queue of a rebalance or a route, the calls a close failed, controller ids and
 * epochs); the log keeps the whole sentence. The others are said as the log writes them.
 */
const SHORT: Bilingual<ShortSaid> = {
  en: {
    rebalance: (e) => `${e.consumer} now owns ${e.queues.length} ${e.queues.length === 1 ? 'queue' : 'queues'} of ${e.topic}`,
    'route.updated': (e) => `${e.client}'s route of ${e.topic} changed: ${e.writeQueues.length} write, ${e.readQueues.length} read ${e.writeQueues.length === 1 && e.readQueues.length === 1 ? 'queue' : 'queues'}`,
    'channel.closed': (e) => `${e.from}'s ${e.code} call to ${e.to} timed out: connection closed${closedCallCount(e) > 0 ? `, ${closedCallCount(e)} more calls failed` : ''}`,
    'controller.elected': (e, { names }) => (e.brokerId === null ? `No master elected for ${e.broker}` : `${names.node(e.broker, e.brokerId, e.t)} elected master of ${e.broker}`),
    'broker.roleChanged': (e, { names }) => `${names.node(e.broker, e.controllerId, e.t)} became ${e.role}`,
    'message.lost': (e, { names }) => `${drawnNode(names, 'en', e, e.brokerId, e.reason === 'truncatedByNewMaster')} lost ${e.msgId}: ${e.reason}`,
    'message.storedBehind': (e) => `${e.reader} will never read ${e.msgId}: stored behind its offset on ${e.broker}`,
  },
  zh: {
    rebalance: (e) => `${e.consumer} 现在拥有 ${e.topic} 的 ${e.queues.length} 个队列`,
    'route.updated': (e) => `${e.client} 的 ${e.topic} 路由变了：${e.writeQueues.length} 个可写、${e.readQueues.length} 个可读队列`,
    'channel.closed': (e) => `${e.from} 发往 ${e.to} 的 ${e.code} 调用超时：连接关闭${closedCallCount(e) > 0 ? `，另有 ${closedCallCount(e)} 个请求失败` : ''}`,
    'controller.elected': (e, { names }) => (e.brokerId === null ? `${e.broker} 没有选出 Master` : `${names.node(e.broker, e.brokerId, e.t)} 被选为 ${e.broker} 的 Master`),
    'broker.roleChanged': (e, { names }) => `${names.node(e.broker, e.controllerId, e.t)} 成为 ${e.role}`,
    'message.lost': (e, { names }) => `${drawnNode(names, 'zh', e, e.brokerId, e.reason === 'truncatedByNewMaster')} 丢失了 ${e.msgId}：${e.reason}`,
    'message.storedBehind': (e) => `${e.reader} 永远读不到 ${e.msgId}：它存在 ${e.broker} 上已越过的位点`,
  },
};

/** What the announcer says of an event while playing: its short sentence, else the log's, msgIds shortened. */
export function spokenNews(event: TraceEvent, language: Language, context: EventContext): string {
  const short = inLanguage(SHORT, language)[event.type] as ((e: TraceEvent, c: EventContext) => string) | undefined;
  return spokenIds(short ? isolateNames(short(event, context), context.rtlNames) : describeEvent(event, language, context));
}

interface PassedWords {
  /** A number of events of one type, as a listener hears them: "8 failed sends". */
  kinds: Record<NewsType, (count: number) => string>;
  /** The types left unnamed. */
  others: (count: number) => string;
  /** After the news: the passed-over events of one type, or all of them and the named types. */
  one: (kind: string) => string;
  many: (total: number, kinds: string[]) => string;
}

const counted = (one: string, many: string) => (count: number) => `${count} ${count === 1 ? one : many}`;
const measured = (words: string) => (count: number) => `${count} ${words}`;

const PASSED_WORDS: Bilingual<PassedWords> = {
  en: {
    kinds: {
      fault: counted('timeline action', 'timeline actions'), 'broker.removed': counted('broker removed', 'brokers removed'),
      'controller.elected': counted('election', 'elections'), 'broker.roleChanged': counted('role change', 'role changes'),
      'message.lost': counted('lost message', 'lost messages'), 'message.storedBehind': counted('message stored out of reach', 'messages stored out of reach'),
      'topic.updateFailed': counted('failed topic update', 'failed topic updates'),
      'consumer.startFailed': counted('failed consumer start', 'failed consumer starts'), rebalance: counted('rebalance', 'rebalances'),
      'route.updated': counted('route change', 'route changes'), 'consumer.removed': counted('consumer removed', 'consumers removed'),
      'producer.removed': counted('producer removed', 'producers removed'), 'nameServer.chosen': counted('NameServer chosen', 'NameServers chosen'),
      'channel.closed': counted('closed connection', 'closed connections'), 'syncStateSet.changed': counted('SyncStateSet change', 'SyncStateSet changes'),
      'send.failed': counted('failed send', 'failed sends'), 'route.failed': counted('failed route query', 'failed route queries'),
      'broker.registered': counted('broker registration', 'broker registrations'), 'send.result': counted('send not stored as asked', 'sends not stored as asked'),
      'consume.failed': counted('message to the DLQ', 'messages to the DLQ'), 'pull.rejected': counted('pull offset moved', 'pull offsets moved'),
      'nameServer.wipeWritePerm': counted('write perm wiped', 'write perms wiped'), 'nameServer.addWritePerm': counted('write perm added back', 'write perms added back'),
      'nameServer.writePermFailed': counted('failed write perm command', 'failed write perm commands'),
    },
    others: counted('other', 'others'),
    one: (kind) => `; and ${kind} in the log`,
    many: (total, kinds) => `; and ${total} more in the log: ${kinds.join(', ')}`,
  },
  zh: {
    kinds: {
      fault: measured('个时间线动作'), 'broker.removed': measured('次剔除 Broker'), 'controller.elected': measured('次选举'),
      'broker.roleChanged': measured('次角色变化'), 'message.lost': measured('条消息丢失'), 'message.storedBehind': measured('条消息存于位点之后'),
      'topic.updateFailed': measured('次主题变更失败'), 'consumer.startFailed': measured('次消费者启动失败'), rebalance: measured('次负载均衡'), 'route.updated': measured('次路由变化'),
      'consumer.removed': measured('次移除消费者'), 'producer.removed': measured('次移除生产者'), 'nameServer.chosen': measured('次选定 NameServer'),
      'channel.closed': measured('次连接关闭'), 'syncStateSet.changed': measured('次同步副本集变化'), 'send.failed': measured('次发送失败'),
      'route.failed': measured('次路由拉取失败'), 'broker.registered': measured('次 Broker 注册'), 'send.result': measured('次发送未按要求存储'),
      'consume.failed': measured('条消息进入死信队列'), 'pull.rejected': measured('次拉取位点被移动'),
      'nameServer.wipeWritePerm': measured('次摘除写权限'), 'nameServer.addWritePerm': measured('次恢复写权限'),
      'nameServer.writePermFailed': measured('次写权限命令失败'),
    },
    others: (count) => `其他 ${count} 个`,
    one: (kind) => `；日志中另有 ${kind}`,
    many: (total, kinds) => `；日志中另有 ${total} 个：${kinds.join('、')}`,
  },
};

/** At most this many types are named after the news; the rest are counted together. */
const NAMED_KINDS = 3;

/**
 * What is said after the news of the notable events passed over: by type, the most frequent first
 * (the first met of equals), at most NAMED_KINDS phrases ("and 446 more in the log: 401 failed
 * sends, 30 failed route queries, 15 others"), so that a listener hears what the flood is and how
 * large, not only a number; nothing when none was passed over.
 */
export function spokenPassed(passed: Passed, language: Language): string {
  const words = inLanguage(PASSED_WORDS, language);
  const kinds = (Object.entries(passed) as [NewsType, number][]).sort(([, a], [, b]) => b - a);
  if (kinds.length === 0) return '';
  const [only] = kinds;
  if (kinds.length === 1) return words.one(words.kinds[only![0]](only![1]));
  const named = kinds.length <= NAMED_KINDS ? kinds : kinds.slice(0, NAMED_KINDS - 1);
  const rest = kinds.slice(named.length).reduce((sum, [, count]) => sum + count, 0);
  const phrases = named.map(([type, count]) => words.kinds[type](count));
  return words.many(passedCount(passed), rest > 0 ? [...phrases, words.others(rest)] : phrases);
}

/** What the announcer keeps between two store changes. */
interface Listening {
  /** The run whose trace was read last (kept across a pause). */
  timeline: TraceSource | null;
  /** Trace events read so far. */
  read: number;
  /** Whether the run played at the last store change. */
  playing: boolean;
  /** Whether a seek (a jump) was under way at the last store change: what it passes is not read. */
  jumped: boolean;
  pending: News;
  /** The repeats of what was said that are no news (repeatKey). */
  said: Set<string>;
  /** Wall time (performance.now) before which nothing more is said. */
  quietUntil: number;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * Calls `say` with the news while the run plays, as the rule above says: its event and the other
 * notable events passed over for it. `say` returns the text it announced, whose speaking time the next
 * announcement waits for. It follows the store, not a panel's view (the log's stops following the
 * playhead while it is off screen).
 */
export function useNewsWhilePlaying(say: (event: TraceEvent, others: Passed) => string): void {
  const sayRef = useRef(say);
  useEffect(() => {
    sayRef.current = say;
  }, [say]);
  useEffect(() => {
    const at: Listening = { timeline: null, read: 0, playing: false, jumped: false, pending: NO_NEWS, said: new Set(), quietUntil: Number.NEGATIVE_INFINITY, timer: null };
    const hush = () => {
      if (at.timer !== null) clearTimeout(at.timer);
      Object.assign(at, { playing: false, pending: NO_NEWS, timer: null });
    };
    const announce = () => {
      at.timer = null;
      const next = nextNews(at.pending);
      if (!next) return;
      const text = sayRef.current(next.event, next.others);
      markSaid(at.said, next.event);
      at.pending = next.left;
      at.quietUntil = performance.now() + speakingMs(text);
      // What waits is said when this has been spoken.
      if (nextNews(at.pending)) at.timer = setTimeout(announce, at.quietUntil - performance.now());
    };
    /** Reads on from where the playhead stands; the repeats said are news again if the trace moved since the last read. */
    const restart = (timeline: TraceSource, length: number, seeking: boolean) => {
      if (timeline !== at.timeline || length !== at.read) at.said.clear();
      Object.assign(at, { timeline, read: length, playing: true, jumped: seeking });
    };
    const listen = (state: PlaybackState) => {
      const timeline = getTimeline();
      if (!state.playing || !timeline) return hush();
      const length = timeline.traceLength;
      const seeking = state.seekTarget !== null;
      // Play just started (what the playhead stands on was the caption's), another run, a move back,
      // or a jump, under way or just over: what it passed is not news, nobody watched it happen.
      if (!at.playing || timeline !== at.timeline || length < at.read || seeking || at.jumped) return restart(timeline, length, seeking);
      if (length === at.read) return;
      at.pending = addNews(at.pending, timeline.traceSlice(Math.max(at.read, length - MAX_READ), length), at.said);
      at.read = length;
      if (!nextNews(at.pending) || at.timer !== null) return;
      const wait = at.quietUntil - performance.now();
      if (wait <= 0) announce();
      else at.timer = setTimeout(announce, wait);
    };
    listen(usePlayback.getState());
    const unsubscribe = usePlayback.subscribe(listen);
    return () => {
      unsubscribe();
      hush();
    };
  }, []);
}
