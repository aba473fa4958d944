/**
 * The run as the simulation's worker keeps it: the Timeline and its checkpoints, moved by the
 * page's commands in chunks of work, with a frame when a move is done (src/sim/frame/frame.ts)
 * and how far it has come meanwhile. Between
 * chunks the worker reads its messages, so a new target, a cancel or a query never waits for a
 * long move to finish. Written against a post function and a scheduler, so that it runs in a
 * test as it runs in the worker (sim-worker.ts).
 */
import { estimateCost } from '../../scenario/cost.ts';
import { commitLogForTimeline } from '../../sim/commit-log-columns.ts';
import { clampToRun, type Scenario } from '../../sim/index.ts';
import { FrameSource } from '../../sim/frame/frame.ts';
import { FRESH_EVENTS } from '../../sim/frame/trace-tail.ts';
import { runSimQuery, simQueries, type SimQueryName } from '../../sim/queries/index.ts';
import { Timeline } from '../../sim/timeline.ts';
import { boundedSeek } from '../seek-budget.ts';
import type { FromWorker, MoveKind, StepDirection, ToWorker } from './protocol.ts';

/** Work per chunk of a long move: long enough to get somewhere, short enough to answer soon. */
const CHUNK_MS = 40;
/** Bounds of the new virtual time one chunk may simulate (see stepCap). */
const MIN_STEP_MS = 100;
const MAX_STEP_MS = 600_000;
/** While a long seek runs ahead, the page sees where it has got to this often (wall ms). */
const PROGRESS_EVERY_MS = 250;
/**
 * While playing, the counters the panels read from the summary (sent, stored, consumed, each
 * queue's lag) move this often (wall ms), and at most every five summaries' cost: a learner sees
 * them run, where summing up at every frame cost the large scale test 2-11 ms a frame.
 */
export const PLAY_SUMMARY_EVERY_MS = 250;

/** The worker's Timeline: columns for the CommitLog, the fresh tail's events read on a seek, the trace cache the run has room for. */
function timelineOf(scenario: Scenario): Timeline {
  return new Timeline(scenario, { commitLog: commitLogForTimeline, tailEvents: FRESH_EVENTS, traceBudget: estimateCost(scenario).traceCache });
}

/** To the previous or the next trace event (Timeline.previousTraceTime, seekNextTraceEvent). */
function takeStep(timeline: Timeline, direction: StepDirection): void {
  if (direction === 'forward') timeline.seekNextTraceEvent();
  else timeline.seek(timeline.previousTraceTime());
}

interface RunServiceHost {
  post(message: FromWorker): void;
  /** Runs `work` soon, after the messages that arrived meanwhile. */
  later(work: () => void): void;
  /** Wall-clock milliseconds (performance.now in the worker). */
  clock(): number;
}

interface Run {
  version: number;
  timeline: Timeline;
  frames: FrameSource;
  move: { target: number; kind: MoveKind } | null;
  /** Playing has stopped (a `settle`): the frame ending the move under way is settled. */
  settling: boolean;
  /**
   * Steps asked for while a seek was under way, taken from its target once it is reached (see step),
   * and the jumps asked for after them, each counting from where the keys before it led (see jump).
   */
  stepsAfter: (StepDirection | { byMs: number })[];
}

export class RunService {
  private run: Run | null = null;
  private scheduled = false;
  private lastFrameAt = Number.NEGATIVE_INFINITY;
  private lastSummaryAt = Number.NEGATIVE_INFINITY;
  private summaryCostMs = 0;
  /** Virtual time a chunk may simulate beyond the horizon, adapted to what a chunk costs. */
  private stepCap = MIN_STEP_MS;
  /** Commands handled so far (every message but `ask` and `drawn`): each frame says it, so the page knows what it answers. */
  private handled = 0;
  /** Frames posted, and how many of them the page has said it drew (the `drawn` message): a count over every run. */
  private framesPosted = 0;
  private framesDrawn = 0;
  /** The play frame held back while the page draws the one before (see sendFrame): its run's version and its move. */
  private owed: { version: number; move: { target: number; kind: MoveKind; done: boolean } } | null = null;

  constructor(private readonly host: RunServiceHost) {}

  handle(message: ToWorker): void {
    if (message.type !== 'ask' && message.type !== 'drawn') this.handled++;
    try {
      this.dispatch(message);
    } catch (error) {
      const version = 'version' in message ? message.version : this.run?.version ?? 0;
      this.host.post({ type: 'failed', version, message: error instanceof Error ? error.message : String(error) });
      if (this.run) this.run.move = null;
    }
  }

  private dispatch(message: ToWorker): void {
    switch (message.type) {
      case 'load':
        this.run = { version: message.version, timeline: timelineOf(message.scenario), frames: new FrameSource(), move: null, settling: false, stepsAfter: [] };
        // The move first, so that the run's first frame says a seek is still under way.
        if (message.atMs > 0) this.startMove(message.atMs, 'seek');
        this.sendFrame(this.run, null);
        return;
      case 'move':
        if (this.current(message.version)) this.startMove(message.target, message.kind);
        return;
      case 'jump':
        return this.jump(message.version, message.byMs);
      case 'step':
        return this.step(message.version, message.direction);
      case 'cancel': {
        // Answered with a frame even when no move was under way: the page counts on one per command.
        const run = this.current(message.version);
        if (!run) return;
        run.move = null;
        run.stepsAfter = [];
        return this.sendFrame(run, null);
      }
      case 'settle':
        return this.settle(message.version, message.atMs);
      case 'ask':
        return this.answer(message.id, message.name, message.args);
      case 'drawn':
        return this.drawn(message.frames);
    }
  }

  /** The run of this version, or null when the page has replaced it. */
  private current(version: number): Run | null {
    return this.run && this.run.version === version ? this.run : null;
  }

  private startMove(target: number, kind: MoveKind, keepAfter = false): void {
    const run = this.run!;
    // A new move (playing again, a seek to a moment) ends as it ends; a settle after it says so
    // again. It replaces the seek the steps waited for, and they go with it: taken one after the
    // other, the keys would land at the new move's moment too.
    run.settling = false;
    if (!keepAfter) run.stepsAfter = [];
    // A play move never takes the run back. The driver counts from the page's playhead, which
    // trails the worker's time when a frame is late, so its next target can fall short of the
    // last one; taken back there, the playhead stepped back while playing, and a pause right
    // after landed on a moment before the one shown (src/ui/controls/driver.ts).
    const from = kind === 'play' ? run.timeline.now : 0;
    run.move = { target: clampToRun(Math.max(from, target), run.timeline.durationMs), kind };
    this.schedule();
  }

  /**
   * A jump while steps wait for the seek under way counts from where they lead, as it would have
   * had each key been taken before the next arrived: it waits behind them, and its target is said
   * once the steps are taken (jumpFrom). Replacing the seek, it dropped them: ← then +10 s during
   * a jump to 1:40 landed at 1:50, not 10 s after the event before 1:40.
   */
  private jump(version: number, byMs: number): void {
    const run = this.current(version);
    if (!run) return;
    if (run.move?.kind === 'seek' && run.stepsAfter.length > 0) {
      run.stepsAfter.push({ byMs });
      return;
    }
    this.jumpFrom(run, run.move?.target ?? run.timeline.now, byMs);
  }

  /** A seek byMs from `from`, its target said at once in a `progress` message; what waits behind the jump waits for this seek. */
  private jumpFrom(run: Run, from: number, byMs: number): void {
    this.startMove(from + byMs, 'seek', true);
    this.host.post({ type: 'progress', version: run.version, target: run.move!.target, timeMs: run.timeline.now });
  }

  /**
   * The seek has reached its target: the steps waiting for it are taken in turn, up to a jump
   * asked for after them, which starts from where they led (the keys after it wait for it in
   * turn). True when such a jump goes on: the seek's frame would show a moment already left.
   */
  private takeStepsAfter(run: Run): boolean {
    for (let next = run.stepsAfter.shift(); next !== undefined; next = run.stepsAfter.shift()) {
      if (typeof next === 'string') {
        takeStep(run.timeline, next);
        continue;
      }
      this.jumpFrom(run, run.timeline.now, next.byMs);
      return true;
    }
    return false;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.host.later(() => {
      this.scheduled = false;
      this.continueMove();
    });
  }

  /** One chunk of the move under way, a frame when it is done or when the page should see progress. */
  private continueMove(): void {
    const run = this.run;
    const move = run?.move;
    if (!run || !move) return;
    try {
      // New time at most stepCap ahead of what was simulated: the cost estimate of boundedSeek
      // starts at a small run's, and a large run's first chunk would otherwise take seconds.
      const started = this.host.clock();
      const reached = boundedSeek(run.timeline, Math.min(move.target, run.timeline.horizon + this.stepCap), CHUNK_MS);
      const took = this.host.clock() - started;
      if (took < CHUNK_MS / 2) this.stepCap = Math.min(MAX_STEP_MS, this.stepCap * 2);
      else if (took > 2 * CHUNK_MS) this.stepCap = Math.max(MIN_STEP_MS, this.stepCap / 2);
      const done = reached === move.target;
      if (done) {
        run.move = null;
        if (this.takeStepsAfter(run)) return;
      }
      if (done || move.kind === 'play') this.sendFrame(run, { ...move, done });
      else if (this.host.clock() - this.lastFrameAt >= PROGRESS_EVERY_MS) {
        // Only how far: drawing each step of a long seek would cost the page far more than the
        // worker spends simulating it.
        this.lastFrameAt = this.host.clock();
        this.host.post({ type: 'progress', version: run.version, target: move.target, timeMs: reached });
      }
      if (!done) this.schedule();
    } catch (error) {
      run.move = null;
      this.host.post({ type: 'failed', version: run.version, message: error instanceof Error ? error.message : String(error) });
    }
  }

  /**
   * One trace event back or forward from where the run is going: during a seek, from its target,
   * taken when the seek gets there and said by the frame that ends it (the page's seek ends there
   * too), so the moment reached does not depend on how far the seek had come when the key arrived.
   * A `jump` counts from the seek's target too, or, with steps waiting, from where they lead.
   * While playing, from the moment reached.
   */
  private step(version: number, direction: StepDirection): void {
    const run = this.current(version);
    if (!run) return;
    if (run.move?.kind === 'seek') {
      run.stepsAfter.push(direction);
      return;
    }
    run.move = null;
    takeStep(run.timeline, direction);
    this.sendFrame(run, null);
  }

  /** Playing has stopped at atMs (see the `settle` message): a settled frame there, now or when the move that gets there ends. */
  private settle(version: number, atMs: number | null): void {
    const run = this.current(version);
    if (!run) return;
    const { timeline, move } = run;
    const toEnd = timeline.now >= timeline.durationMs || (move?.kind === 'play' && move.target >= timeline.durationMs);
    if (atMs !== null && move?.kind !== 'seek' && !toEnd) {
      const at = clampToRun(atMs, timeline.durationMs);
      // Back to the moment shown is a seek within what was simulated (a checkpoint and a replay);
      // a moment not reached yet (the page cannot show one) is played to.
      run.move = at > timeline.now ? { target: at, kind: 'play' } : null;
      if (run.move) this.schedule();
      else if (at < timeline.now) timeline.seek(at);
    }
    if (run.move) run.settling = true;
    else this.sendFrame(run, null);
  }

  private sendFrame(run: Run, move: { target: number; kind: MoveKind; done: boolean } | null): void {
    // Summing up scans the run's tables (135 KB of a 241 KB frame on the large scale test): where
    // the run comes to rest, and a few times a second while it plays (docs/worker.md, A frame).
    const settled = move === null || (move.done && (move.kind === 'seek' || run.settling || run.timeline.now >= run.timeline.durationMs));
    // A play frame waits while the page has not drawn the one before: posted anyway, frames pile up
    // in the page's queue when a frame costs it more than a frame's time (a large run), and it
    // applies and renders every one of them, seconds behind. The run goes on meanwhile; the frame
    // sent when the page has drawn brings the changes of all the moves since in one diff.
    if (!settled && move?.kind === 'play' && this.framesPosted > this.framesDrawn) {
      this.owed = { version: run.version, move };
      return;
    }
    this.owed = null;
    this.framesPosted++;
    if (settled) run.settling = false;
    const started = this.host.clock();
    const withSummary = settled || started - this.lastSummaryAt >= Math.max(PLAY_SUMMARY_EVERY_MS, 5 * this.summaryCostMs);
    const frame = run.frames.frameOf(run.timeline, withSummary);
    this.lastFrameAt = this.host.clock();
    if (withSummary) {
      this.lastSummaryAt = started;
      this.summaryCostMs = this.lastFrameAt - started;
    }
    this.host.post({ type: 'frame', version: run.version, frame, move, handled: this.handled, resting: run.move === null });
  }

  /** The page has drawn `frames` frames: the play frame held back for it goes now, of the run as it is now. */
  private drawn(frames: number): void {
    this.framesDrawn = frames;
    const owed = this.owed;
    if (!owed || this.framesPosted > this.framesDrawn) return;
    const run = this.current(owed.version);
    if (run) this.sendFrame(run, owed.move);
    else this.owed = null;
  }

  private answer(id: number, name: string, args: unknown): void {
    if (!this.run) return this.host.post({ type: 'answer', id, ok: false, message: 'No scenario is loaded: there is no run to ask.' });
    if (!Object.hasOwn(simQueries, name)) return this.host.post({ type: 'answer', id, ok: false, message: `No query is called ${name}.` });
    try {
      this.host.post({ type: 'answer', id, ok: true, result: runSimQuery(this.run.timeline, name as SimQueryName, args as never) });
    } catch (error) {
      this.host.post({ type: 'answer', id, ok: false, message: error instanceof Error ? error.message : String(error) });
    }
  }
}
