import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { usePage } from '../../../src/store/page.ts';
import { getTimeline, usePlayback } from '../../../src/store/playback.ts';
import { startDriver } from '../../../src/ui/controls/driver.ts';
import { usePlayRate } from '../../../src/ui/controls/play-rate.ts';
import { openLibraryEntry } from '../../../src/ui/controls/session.ts';

/** requestAnimationFrame by hand: each `frame(at)` runs the callbacks queued so far. */
let queued: FrameRequestCallback[] = [];
function frame(at: number): void {
  const callbacks = queued;
  queued = [];
  for (const callback of callbacks) callback(at);
}

let stop: () => void = () => undefined;

function freshRun(simulated: boolean): void {
  usePlayback.getState().cancelSeek();
  usePlayback.setState({ speed: 10, playing: false });
  openLibraryEntry('write8-read4');
  if (simulated) {
    usePlayback.getState().seek(180_000);
    usePlayback.getState().seek(0);
  }
}

const time = () => usePlayback.getState().timeMs;

beforeEach(() => {
  queued = [];
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => queued.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  stop = startDriver();
});
afterEach(() => {
  stop();
  usePlayback.getState().setPlaying(false);
  vi.unstubAllGlobals();
});

describe('the animation driver asking the store to move', () => {
  it('advances virtual time by wall time x speed while playing', () => {
    freshRun(true);
    usePlayback.getState().setPlaying(true);
    frame(1_000);
    expect(time()).toBe(0);
    frame(1_016);
    expect(time()).toBe(160);
    frame(1_032);
    expect(time()).toBe(320);
  });

  it('does not replay a gap over 500 ms (a hidden tab) at once', () => {
    freshRun(true);
    usePlayback.getState().setPlaying(true);
    frame(0);
    frame(16);
    frame(2_016);
    expect(time()).toBe(160);
    frame(2_032);
    expect(time()).toBe(320);
  });

  it('keeps the fractions of a millisecond at slow speeds', () => {
    freshRun(true);
    usePlayback.setState({ speed: 0.1 });
    usePlayback.getState().setPlaying(true);
    for (let i = 0; i <= 10; i++) frame(i * 16);
    expect(time()).toBe(16);
  });

  it('continues from where the person moved the playhead', () => {
    freshRun(true);
    usePlayback.getState().setPlaying(true);
    frame(0);
    frame(16);
    usePlayback.getState().seek(50_000);
    frame(32);
    expect(time()).toBe(50_160);
  });

  it('stops at the end of the run and asks for no more frames', () => {
    freshRun(true);
    usePlayback.getState().seek(179_990);
    usePlayback.getState().setPlaying(true);
    frame(0);
    frame(16);
    expect(time()).toBe(180_000);
    expect(usePlayback.getState().playing).toBe(false);
    frame(32);
    expect(queued).toHaveLength(0);
  });

  it('seeks at once inside the run simulated so far', () => {
    freshRun(true);
    usePlayback.getState().requestSeek(123_456);
    expect(time()).toBe(123_456);
    expect(usePlayback.getState().seekTarget).toBeNull();
  });

  it('reaches a far moment not yet simulated in bounded chunks, one per frame', () => {
    freshRun(false);
    usePlayback.getState().requestSeek(180_000);
    expect(time()).toBeLessThan(180_000);
    expect(usePlayback.getState().seekTarget).toBe(180_000);
    const seen = [time()];
    let frames = 0;
    while (usePlayback.getState().seekTarget !== null && frames < 10_000) {
      frame(++frames * 16);
      seen.push(time());
    }
    expect(time()).toBe(180_000);
    expect(frames).toBeGreaterThan(1);
    // The playhead only moves forward on the way there.
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('ends a seek under way when the person picks a moment through the store (as the event log does)', () => {
    freshRun(false);
    usePlayback.getState().requestSeek(180_000);
    expect(usePlayback.getState().seekTarget).toBe(180_000);
    usePlayback.getState().seek(1_000);
    expect(usePlayback.getState().seekTarget).toBeNull();
    expect(usePlayback.getState().seekProgress).toBeNull();
    frame(16);
    frame(32);
    expect(time()).toBe(1_000);
    expect(getTimeline()!.now).toBe(1_000);
  });

  it('stops on a simulator that throws: not playing, no seek under way, the banner saying what failed, no more frames', () => {
    freshRun(false);
    usePage.getState().setBanner(null);
    const continueSeek = usePlayback.getState().continueSeek;
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    usePlayback.setState({ continueSeek: () => { throw new Error('a bug in the model'); } });
    try {
      usePlayback.setState({ seekTarget: 180_000, seekProgress: 3, playing: true });
      frame(16);
    } finally {
      usePlayback.setState({ continueSeek });
      vi.restoreAllMocks();
    }
    expect(usePlayback.getState()).toMatchObject({ playing: false, seekTarget: null, seekProgress: null });
    expect(usePage.getState()).toMatchObject({ banner: { code: 'pageFailed', message: 'a bug in the model' }, bannerTone: 'alert' });
    expect(queued).toHaveLength(0);
  });
});

describe('the driver with a playhead that trails the moments asked (a run in the worker)', () => {
  /**
   * A run whose frames come `late` animation frames after the move asked for, each moving at most
   * `most` ms (a run too heavy for the speed): the playhead is what the run showed.
   */
  function laggingRun(late: number, most = Number.POSITIVE_INFINITY): number[] {
    const asked: number[] = [];
    const playTo = usePlayback.getState().playTo;
    usePlayback.setState({
      playTo: (target: number) => {
        asked.push(target);
        const shown = asked.length > late ? asked[asked.length - 1 - late]! : 0;
        usePlayback.setState({ timeMs: Math.min(shown, usePlayback.getState().timeMs + most) });
        return target;
      },
    });
    restore = () => usePlayback.setState({ playTo });
    return asked;
  }
  let restore = () => undefined as unknown;
  afterEach(() => restore());

  it('counts wall time x speed from the moments asked when the frames come a frame late', () => {
    freshRun(true);
    const asked = laggingRun(1);
    usePlayback.getState().setPlaying(true);
    for (let i = 0; i <= 10; i++) frame(i * 16);
    expect(asked).toEqual([160, 320, 480, 640, 800, 960, 1_120, 1_280, 1_440, 1_600]);
  });

  it('runs ahead of the playhead by at most MAX_LEAD_MS at the speed chosen, plus the frame', () => {
    freshRun(true);
    const asked = laggingRun(1_000);
    usePlayback.getState().setPlaying(true);
    for (let i = 0; i <= 30; i++) frame(i * 16);
    // The run shows nothing new: 150 ms x 10 ahead of 0:00, and this frame's 16 ms x 10.
    expect(asked.at(-1)).toBe(1_660);
  });

  it('says how fast the run plays when that is well below the speed chosen, in its own store, and forgets it on pause', () => {
    freshRun(true);
    // 40 ms of virtual time per 16 ms frame: 2.5x of a chosen 10x.
    laggingRun(1, 40);
    usePlayback.getState().setPlaying(true);
    for (let i = 0; i <= 150; i++) frame(i * 16);
    const behindAt = usePlayRate.getState().behindAt;
    expect(behindAt).not.toBeNull();
    expect(behindAt!).toBeGreaterThan(0.2 * 10);
    expect(behindAt!).toBeLessThan(0.3 * 10);
    usePlayback.getState().setPlaying(false);
    expect(usePlayRate.getState().behindAt).toBeNull();
  });

  it('counts the frames the page was too busy to draw in the pace it says', () => {
    freshRun(true);
    laggingRun(0);
    usePlayback.getState().setPlaying(true);
    // Every other frame comes 600 ms late: the clock skips such gaps, 160 ms of the run per 616 ms.
    for (let i = 0, at = 0; i <= 20; i++, at += i % 2 ? 16 : 600) frame(at);
    expect(usePlayRate.getState().behindAt).toBeCloseTo(160 / 616, 2);
  });

  it('says nothing while the run keeps the speed, frames a frame late', () => {
    freshRun(true);
    laggingRun(1);
    usePlayback.getState().setPlaying(true);
    for (let i = 0; i <= 150; i++) frame(i * 16);
    expect(usePlayRate.getState().behindAt).toBeNull();
  });
});

describe('the store told the simulator failed', () => {
  it('stops playing, ends the seek under way and says so in the banner, with nothing to open instead', () => {
    freshRun(false);
    usePlayback.getState().requestSeek(180_000);
    usePlayback.setState({ playing: true });
    usePage.setState({ bannerOffer: { source: {}, minutes: 1, atMs: 0, dropped: [] } });
    usePlayback.getState().fail('Out of memory');
    expect(usePlayback.getState()).toMatchObject({ playing: false, seekTarget: null, seekProgress: null });
    expect(usePage.getState()).toMatchObject({ banner: { code: 'pageFailed', message: 'Out of memory' }, bannerOffer: null, bannerTone: 'alert' });
  });
});
