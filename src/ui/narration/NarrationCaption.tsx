/**
 * The caption beside the canvas: what the latest event at the playhead means (the one a step
 * just reached), in plain words with the run's numbers. Several events at the same instant are
 * counted, and the one a lesson's step waited for, else the news among them, is told rather than
 * routine traffic (newsAt); the log lists them all, and the caption points to it where the log is shown
 * (presentation mode hides the side column, presenting.css). While the run plays, the caption
 * keeps the latest news for a few seconds of the reader's time and otherwise says that messages
 * flow and names the timers under them: telling each event as it passed changed the largest text
 * on a projector several times a second, too fast to read even at 1x (newsWhilePlaying).
 * Each caption shows what happened, about two lines, and keeps why behind a "Why" button
 * (caption-parts.ts), opened or closed for every caption until the reader says otherwise: a caption
 * of nine lines pushed the canvas below the fold, and moved it at every step.
 */
import { Fragment, useState, type ReactNode } from 'react';
import type { TraceEvent, TraceType } from '../../sim/index.ts';
import { inChapter, stepEventIndexOf, stepMomentOf, useLesson } from '../../store/lesson.ts';
import { usePage } from '../../store/page.ts';
import { usePlayback } from '../../store/playback.ts';
import type { TimelineView } from '../../sim/timeline.ts';
import { formatTime } from '../../viz/format.ts';
import { isolateNames, rtlNamesOf } from '../bidi-names.ts';
import { TEXT_PANEL_REFRESH, useSimView } from '../use-sim.ts';
import { useNarrator } from './use-narrator.ts';
import { brokerNodeNames } from '../broker-node-names.ts';
import { inLanguage, type Bilingual } from '../i18n/index.ts';
import type { Language } from '../../scenario/language.ts';
import { closedCallCount } from './channel-closed.ts';
import { useCaptionShown } from './caption-voice.ts';
import { MSG_ID_PART, spokenId } from './spoken-ids.ts';
import type { CaptionParts } from './caption-parts.ts';
import './caption.css';

interface CaptionWords {
  label: string;
  idle: string;
  idleInChapter: string;
  preparing: string;
  running: (to: string) => string;
  more: (count: number, logShown: boolean) => string;
  /** The button that shows why after what happened. */
  why: string;
}

const WORDS: Bilingual<CaptionWords> = {
  en: {
    label: 'What is happening: ',
    idle: 'Nothing has happened yet: press play, or step one event forward (→).',
    idleInChapter: 'No event in the run yet: the step above says what is starting. Next (→) goes on.',
    preparing: 'Getting the lesson\'s run ready: the page goes to this step\'s moment by itself.',
    running: (to) => `Simulating up to ${to}: the page shows that moment as soon as the run reaches it.`,
    more: (count, logShown) =>
      `(and ${count} more ${count === 1 ? 'event' : 'events'} at this instant${logShown ? ': see the event log' : ''})`,
    why: 'Why',
  },
  zh: {
    label: '正在发生什么：',
    idle: '还没有发生任何事件：点击播放，或向前单步一个事件（→）。',
    idleInChapter: '运行中还没有事件：上面的步骤说明了正在启动的内容。按“下一步”（→）继续。',
    preparing: '正在准备课程的运行：页面会自动转到这一步的时刻。',
    running: (to) => `正在模拟到 ${to}：运行一到达该时刻，页面就会显示它。`,
    more: (count, logShown) => `（同一时刻还有 ${count} 个事件${logShown ? '，见事件日志' : ''}）`,
    why: '为什么',
  },
};

/**
 * A duplicate (message.consumedAgain) is traffic too while the run plays: the rebalance or the fault
 * that caused it is the news, and its words explain duplicates. At an instant with nothing else to
 * tell, it is told before the consumptions around it (newsAt).
 */
const TRAFFIC: ReadonlySet<TraceType> = new Set<TraceType>(['message.sent', 'message.stored', 'message.consumed', 'message.consumedAgain', 'offset.committed', 'message.filtered', 'send.result', 'client.heartbeat', 'route.pulled']);

/**
 * Routine: messages on their way, and a broker's periodic registration (its heartbeat). At an
 * instant it shares with anything else, the other event is the news. A send that returned a
 * status other than SEND_OK (stored, not as asked) is news, over its last attempt's send.failed.
 */
function routine(event: TraceEvent): boolean {
  if (event.type === 'send.result') return event.status === 'SEND_OK' || event.status === 'FAILED';
  return TRAFFIC.has(event.type) || (event.type === 'broker.registered' && !event.first && event.trigger === 'periodic');
}

/**
 * The event at an instant that says why others there happened, told before them: a call that timed
 * out and closed its channel, whose requests failed (channelClosed) follow it; of several, the one
 * that failed the most calls, the last of equals.
 */
function causeIn(instant: readonly TraceEvent[]): TraceEvent | undefined {
  let cause: TraceEvent | undefined;
  let most = -1;
  for (const event of instant) {
    const count = event.type === 'channel.closed' ? closedCallCount(event) : -1;
    if (count < 0 || count < most) continue;
    cause = event;
    most = count;
  }
  return cause;
}

/** The client an event is about (a consumer's pull, a producer's registration), if any. */
function clientOf(event: TraceEvent): string | undefined {
  if ('consumer' in event) return event.consumer;
  if ('producer' in event) return event.producer;
  return 'client' in event ? event.client : undefined;
}

/**
 * What the caption tells at the playhead: of the events at the latest instant (looked at no further
 * than `limit` back), the cause of others there, else the last that is not routine traffic, else
 * the last duplicate (a batch consumed after a crash is its duplicates, not one more consumption),
 * else the latest; and how many others share the instant. A broker removed at 2:10.001 is the news,
 * not a CommitLog append in the same millisecond. A 5.x client's heartbeat on a new channel
 * (MQClientInstance.onChannelActive) tells its client's news at the instant (the registration it
 * brings, whose own words say "every 30 s", not why now), never another's: the topic a producer's
 * first send created is the news, not that send's heartbeat.
 */
function newsAt(timeline: TimelineView, featured: number | null, limit = 200): { event: TraceEvent; others: number } | null {
  const length = timeline.traceLength;
  if (length === 0) return null;
  const latest = timeline.traceAt(length - 1)!;
  const instant = timeline.traceSlice(Math.max(0, length - 1 - limit), length).filter((event) => event.t === latest.t);
  const stepEvent = featured !== null && featured < length ? timeline.traceAt(featured) : undefined;
  const heartbeat = instant.findLast((event) => event.type === 'client.heartbeat' && event.trigger === 'channelActive');
  const news = instant.findLast((event) => !routine(event) && (heartbeat === undefined || clientOf(event) !== clientOf(heartbeat)));
  const event = (stepEvent?.t === latest.t ? stepEvent : undefined) ?? causeIn(instant) ?? news ?? heartbeat
    ?? instant.findLast((candidate) => candidate.type === 'message.consumedAgain') ?? latest;
  return { event, others: instant.length - 1 };
}

/** While playing, how long news stays in the caption, in the reader's (wall-clock) time: long enough to read it. */
const HOLD_MS = 4_000;
/** How many events back the playing caption looks for news: a crowded run's last seconds hold many. */
const PLAYING_LOOKBACK = 2_000;

/** While playing, a route pull is routine too: every client pulls each of its topics every 30 s. */
function newsWhilePlayingOf(event: TraceEvent): boolean {
  return !routine(event) && event.type !== 'route.updated';
}

/**
 * The news the playing caption tells: the latest event that is not routine within the virtual time
 * that HOLD_MS of the reader's time covers at `speed` (a removal at 2:10 stays until about 2:50 at
 * 10x); null when there is none, and the caption says that messages flow.
 */
function newsWhilePlaying(timeline: TimelineView, timeMs: number, speed: number): TraceEvent | null {
  const since = timeMs - speed * HOLD_MS;
  const length = timeline.traceLength;
  const recent = timeline.traceSlice(Math.max(0, length - PLAYING_LOOKBACK), length);
  for (let index = recent.length - 1; index >= 0 && recent[index]!.t >= since; index--) {
    if (newsWhilePlayingOf(recent[index]!)) return recent[index]!;
  }
  return null;
}

/**
 * The caption's sentence with each msgId shown whole but spoken as its last four digits, as the
 * event log's announcer says it: the caption is a live region, and a screen reader spelt out the
 * 32 hex digits of "p-1's send of 0A000301373418B4AAC200002AF80063". The whole id is hidden from
 * the reader, the short one from the eye.
 */
function withSpokenIds(text: string): ReactNode[] {
  // Split by a group, the ids are the odd parts.
  return text.split(MSG_ID_PART).map((part, index) => (index % 2 === 0 ? part : (
    <Fragment key={index}><span aria-hidden="true">{part}</span><span className="rs-visually-hidden">{spokenId(part)}</span></Fragment>
  )));
}

/**
 * What happened, and why behind its button; the why continues the sentence where the first part
 * stopped (closed, a first part cut at a colon ends on a full stop: caption-parts.ts). A screen
 * reader hears the whole caption either way (the closed why in a visually hidden copy): the button
 * spares the eye its lines, and a reader lost nothing by it. `besides` is what follows on the
 * caption's lines (the count of the instant's other events): the first part leaves it room.
 */
function Told({ text, language, names, open, setOpen, parts, why, besides = '' }: {
  text: string; language: Language; names: RegExp | null; open: boolean; setOpen: (open: boolean) => void;
  parts: (text: string, language: Language, besides: string) => CaptionParts; why: string; besides?: string;
}) {
  const { head, why: rest, closedHead } = parts(text, language, besides);
  const said = (part: string) => withSpokenIds(isolateNames(part, names));
  const gap = language === 'zh' ? '' : ' ';
  return (
    <>
      <span className="rs-caption-text">
        {said(open ? head : closedHead)}
        {rest && <span className="rs-caption-why" hidden={!open}>{gap}{said(rest)}</span>}
        {rest && !open && <span className="rs-visually-hidden">{gap}{said(rest)}</span>}
      </span>
      {rest && <>{' '}<button type="button" className="rs-caption-toggle" aria-expanded={open} data-testid="caption-why" onClick={() => setOpen(!open)}>{why}</button></>}
    </>
  );
}

export function NarrationCaption() {
  // Every move at once, paused, wherever the page is scrolled: the topology panel holding it is in no
  // OnScreenSlot (on-screen.tsx), whose catch-up once the page is idle would have it speak after the move.
  const view = useSimView(TEXT_PANEL_REFRESH);
  const language = usePlayback((s) => s.language);
  const presenting = usePage((s) => s.presenting);
  const narrator = useNarrator();
  const featured = useLesson(stepEventIndexOf);
  // A chapter's step finds its moment once the run is ready: until then nobody need press play either.
  const preparing = useLesson((s) => s.chapterId !== null && stepMomentOf(s) === null);
  // In a chapter the step buttons move the run, not play (→ is the next step there).
  const chapterOpen = useLesson(inChapter);
  // A link to a late moment (a chapter's last steps) seeks from 0:00: nothing has happened yet, but nobody need press play.
  const seekTarget = usePlayback((s) => s.seekTarget);
  const playing = usePlayback((s) => s.playing);
  const speed = usePlayback((s) => s.speed);
  const words = inLanguage(WORDS, language);
  // Kept while the reader steps: the captions of the next events open or stay closed as this one.
  const [open, setOpen] = useState(false);
  // A long jump is said by the playhead's status (SeekVoice.tsx), once, not by the moments on its way.
  const polite = !playing && !chapterOpen && seekTarget === null;
  // Counted while it is polite: where it is silent, the playhead's output speaks a move (caption-voice.ts).
  useCaptionShown(view !== null && narrator !== null && polite);
  if (!view || !narrator) return null;
  const { timeline } = view;
  const playingNews = playing ? newsWhilePlaying(timeline, view.timeMs, speed) : null;
  const flowing = playing && playingNews === null && timeline.traceLength > 0;
  const news = playingNews ? { event: playingNews, others: 0 } : flowing ? null : newsAt(timeline, featured);
  const latest = news?.event;
  const others = news?.others ?? 0;
  // The latest event's broker is named by the roles at the playhead: no history to ask for, which
  // keeps the named queries (and the model behind them) out of the page's first load.
  const names = brokerNodeNames(timeline.state, undefined);
  const told = { language, names: rtlNamesOf(timeline.scenario), open, setOpen, parts: narrator.captionParts, why: words.why };
  const more = others > 0 ? words.more(others, !presenting && !chapterOpen) : '';
  // One voice at a time for a screen reader: the caption, with its why, when a step or a jump stops
  // on an event (the playhead's output is silent then: caption-voice.ts); the playhead's status
  // while a jump is under way; the event log's announcer while the run plays; the lesson's text in a chapter.
  return (
    <p className="rs-caption" data-testid="caption" data-event-type={latest?.type ?? ''} aria-live={polite ? 'polite' : 'off'} aria-atomic="true">
      <span className="rs-visually-hidden">{words.label}</span>
      {latest ? (
        <>
          <span className="rs-caption-time rs-mono">{formatTime(latest.t)}</span>{' '}
          <Told text={narrator.narrate(latest, language, narrator.contextAt(timeline.scenario.config, timeline.state, names, timeline))} {...told} besides={more} />
          {more && <span className="rs-caption-more"> {more}</span>}
        </>
      ) : flowing ? <Told text={narrator.flowing(timeline.scenario.config, language)} {...told} /> : seekTarget !== null ? words.running(formatTime(seekTarget)) : preparing ? words.preparing : chapterOpen ? words.idleInChapter : words.idle}
    </p>
  );
}
