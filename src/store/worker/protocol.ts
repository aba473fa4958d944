/**
 * The messages between the page and the simulation's worker. The page says where the run should
 * be; the worker answers with frames (the view of time t, src/sim/frame/frame.ts) and with the
 * answers to named queries. Every command carries the run's version, so that a frame of a run
 * the page has already replaced is dropped.
 */
import type { Frame } from '../../sim/frame/frame.ts';
import type { Scenario } from '../../sim/index.ts';

/** Which way a step goes: to the previous or the next trace event (Timeline.previousTraceTime, seekNextTraceEvent). */
export type StepDirection = 'back' | 'forward';

/** A move: `seek` shows progress while the worker runs ahead; `play` is the driver's next step. */
export type MoveKind = 'seek' | 'play';

export type ToWorker =
  | { type: 'load'; version: number; scenario: Scenario; atMs: number }
  | { type: 'move'; version: number; target: number; kind: MoveKind }
  /**
   * A seek by byMs from where the run is going here (the target of the move under way, else the
   * run's time): a relative move pressed right after a step or a seek counts from the moment the
   * worker will show, which the page's playhead may not show yet. The worker says the target it
   * chose at once, in a `progress` message; the move's frames carry it too.
   */
  | { type: 'jump'; version: number; byMs: number }
  /** One trace event back or forward from where the run is going: during a seek, from its target, once it is there. */
  | { type: 'step'; version: number; direction: StepDirection }
  | { type: 'cancel'; version: number }
  /**
   * Playing has stopped at atMs, the moment the page shows: the run rests there, and its frame is
   * settled and brings the summary, which frames of a play move leave out. The play move under
   * way ends, and the run goes back to atMs if its moves have got past it (the page's frames
   * trail them by a message). A play move to the run's end still ends there (the driver stops
   * playing as it asks for it), and with atMs null (a seek under way) the move under way ends as
   * it ends, its frame settled.
   */
  | { type: 'settle'; version: number; atMs: number | null }
  | { type: 'ask'; id: number; name: string; args: unknown }
  /**
   * The page has drawn the frames it received, `frames` of them so far (a count over every run):
   * a play frame waits in the worker until the one before it is drawn (see RunService.sendFrame).
   * Not a command: it is not counted in `handled` and no frame answers it.
   */
  | { type: 'drawn'; frames: number };

export type FromWorker =
  | {
    type: 'frame';
    version: number;
    frame: Frame;
    /** The move this frame belongs to, and whether it is done (null: a frame after a load, a step or a cancel). */
    move: { target: number; kind: MoveKind; done: boolean } | null;
    /** How many commands (every message but `ask`) the worker had handled when it made this frame. */
    handled: number;
    /** No move was under way when it was made: with `handled` the page tells it owes no more frames. */
    resting: boolean;
  }
  /** How far a long seek has come: the page shows it without redrawing the panels for each step. */
  | { type: 'progress'; version: number; target: number; timeMs: number }
  | { type: 'answer'; id: number; ok: true; result: unknown }
  | { type: 'answer'; id: number; ok: false; message: string }
  | { type: 'failed'; version: number; message: string };
