/**
 * The page's side of a run that lives in the simulation's Web Worker (src/store/worker/): it
 * sends the store's commands, keeps the latest frame as a FrameView (what getTimeline() gives
 * the panels) and matches the answers of named queries to their asks. The store (playback.ts)
 * stays the one owner of time; this only carries its words.
 */
import type { Frame } from '../sim/frame/frame.ts';
import type { Scenario } from '../sim/index.ts';
import { FrameView } from '../sim/frame/frame-view.ts';
import type { FromWorker, MoveKind, StepDirection, ToWorker } from './worker/protocol.ts';

/** What the page needs of a Worker (a test may give a stand-in that runs the service in the same thread). */
export interface WorkerPort {
  postMessage(message: ToWorker): void;
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null;
  onerror?: ((event: ErrorEvent) => void) | null;
}

export interface FrameArrival {
  view: FrameView;
  /** The first frame of this run: the panels switch to it now. */
  first: boolean;
  move: Extract<FromWorker, { type: 'frame' }>['move'];
}

export interface RemoteRunListener {
  frame(arrival: FrameArrival): void;
  /** A long seek toward target has simulated up to timeMs (no frame yet). */
  progress(target: number, timeMs: number): void;
  failed(message: string): void;
}

/** Runs `work` once the page has drawn what it holds now: at its next animation frame (a timer where there is none). */
export type AfterDraw = (work: () => void) => void;

function nextAnimationFrame(work: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => work());
  else setTimeout(work, 0);
}

export class RemoteRun {
  private version = 0;
  private view: FrameView | null = null;
  /** Commands sent (every message but `ask`); a frame says how many the worker had handled. */
  private sent = 0;
  private restingNow = true;
  /** The number, among the commands sent, of the latest `settle`: a play frame made before the worker read it is overtaken. */
  private settleSent = 0;
  /** Play frames the latest settle overtook, taken with the frame after them (receiveFrame). */
  private held: Frame[] = [];
  private readonly restListeners = new Set<() => void>();
  private nextAsk = 0;
  private readonly asks = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  /** Frames received so far (every run's), and whether a `drawn` saying so waits for the next animation frame. */
  private framesReceived = 0;
  private drawnPending = false;

  constructor(private readonly port: WorkerPort, private readonly listener: RemoteRunListener, private readonly afterDraw: AfterDraw = nextAnimationFrame) {
    port.onmessage = (event) => this.receive(event.data);
    port.onerror = (event) => listener.failed(event.message || 'The simulation worker stopped.');
  }

  /** The latest frame of the current run, or null before its first frame. */
  get latest(): FrameView | null {
    return this.view?.ready ? this.view : null;
  }

  /**
   * Whether the worker has answered every command sent with its frame and no move is under way
   * there: the page shows the run where it will stay (the browser tests wait on it).
   */
  get resting(): boolean {
    return this.restingNow;
  }

  /** Calls `listener` whenever `resting` changes; returns the function that stops it. */
  readonly subscribeResting = (listener: () => void): (() => void) => {
    this.restListeners.add(listener);
    return () => this.restListeners.delete(listener);
  };

  load(scenario: Scenario, atMs: number): void {
    this.version++;
    this.view = new FrameView(scenario);
    this.held = [];
    this.command({ type: 'load', version: this.version, scenario, atMs });
  }

  move(target: number, kind: MoveKind): void {
    this.command({ type: 'move', version: this.version, target, kind });
  }

  /** A seek by byMs from where the worker's run is going (see the `jump` message); its progress says the target. */
  jump(byMs: number): void {
    this.command({ type: 'jump', version: this.version, byMs });
  }

  step(direction: StepDirection): void {
    this.command({ type: 'step', version: this.version, direction });
  }

  cancel(): void {
    this.command({ type: 'cancel', version: this.version });
  }

  /**
   * Playing has stopped at atMs, the moment the page shows (null while a seek is under way: where
   * it ends): the worker's frame there brings the summary (see the `settle` message).
   */
  settle(atMs: number | null): void {
    this.command({ type: 'settle', version: this.version, atMs });
    this.settleSent = this.sent;
  }

  ask(name: string, args: unknown): Promise<unknown> {
    const id = this.nextAsk++;
    return new Promise((resolve, reject) => {
      this.asks.set(id, { resolve, reject });
      this.port.postMessage({ type: 'ask', id, name, args });
    });
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'frame':
        this.framesReceived++;
        this.receiveFrame(message);
        this.sayDrawn();
        // After the store has taken the frame: resting never runs ahead of what the panels show.
        return this.setResting(message.handled === this.sent && message.resting);
      case 'progress':
        if (message.version === this.version) this.listener.progress(message.target, message.timeMs);
        return;
      case 'answer': {
        const ask = this.asks.get(message.id);
        this.asks.delete(message.id);
        if (message.ok) ask?.resolve(message.result);
        else ask?.reject(new Error(message.message));
        return;
      }
      case 'failed':
        if (message.version === this.version) this.listener.failed(message.message);
        return;
    }
  }

  /**
   * Tells the worker, once the page has drawn, how many frames it has received: the worker holds a
   * play frame until then (RunService.sendFrame), so the page never has more frames queued than it
   * can draw, however much each costs it. One message per animation frame, whatever came in.
   */
  private sayDrawn(): void {
    if (this.drawnPending) return;
    this.drawnPending = true;
    this.afterDraw(() => {
      this.drawnPending = false;
      this.port.postMessage({ type: 'drawn', frames: this.framesReceived });
    });
  }

  private command(message: Exclude<ToWorker, { type: 'ask' | 'drawn' }>): void {
    this.sent++;
    this.setResting(false);
    this.port.postMessage(message);
  }

  private setResting(resting: boolean): void {
    if (resting === this.restingNow) return;
    this.restingNow = resting;
    for (const listener of this.restListeners) listener();
  }

  private receiveFrame({ version, frame, move, handled }: Extract<FromWorker, { type: 'frame' }>): void {
    const view = this.view;
    if (version !== this.version || !view) return;
    // A play frame the worker made before it read the latest settle: playing had stopped on the
    // page at an earlier moment, where the settle takes the run back. Shown, the playhead (and the
    // caption) would change forward and back within a few milliseconds. Each frame's patches build
    // on the one before, so it is held and taken just before the frame that follows: the view never
    // shows a moment the playhead did not.
    if (move?.kind === 'play' && handled < this.settleSent) {
      this.held.push(frame);
      return;
    }
    const first = !view.ready;
    for (const earlier of this.held.splice(0)) view.receive(earlier);
    view.receive(frame);
    this.listener.frame({ view, first, move });
  }
}

/** Starts the simulation's worker (bundled by Vite from this URL) and the page's side of it. */
export function startRemoteRun(listener: RemoteRunListener): RemoteRun {
  const worker = new Worker(new URL('./worker/sim-worker.ts', import.meta.url), { type: 'module', name: 'rocketscope-simulation' });
  return new RemoteRun(worker as unknown as WorkerPort, listener);
}
