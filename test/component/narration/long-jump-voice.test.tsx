// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { usePlayback } from '../../../src/store/playback.ts';
import { TimeDisplay } from '../../../src/ui/controls/TimeDisplay.tsx';
import { NarrationCaption } from '../../../src/ui/narration/NarrationCaption.tsx';
import { formatTime } from '../../../src/viz/format.ts';
import { loadAt } from '../panels/load.ts';
import { writeReadScenario } from '../panels/scenarios.ts';

const TARGET = 100_000;

/** The live regions a screen reader would speak now: the status, and the caption and output when polite. */
function speaking(): { status: string; caption: string | null; output: string | null } {
  const polite = (element: HTMLElement) => (element.getAttribute('aria-live') === 'polite' ? element.textContent : null);
  return { status: screen.getByTestId('seek-voice').textContent ?? '', caption: polite(screen.getByTestId('caption')), output: polite(screen.getByTestId('time-current')) };
}

/** Every text the jump's status said, in order, with the wall time (fake ms from the jump) it changed. */
class Heard {
  said: { wallMs: number; text: string }[] = [];
  private wallMs = 0;
  private last = '';

  /** Lets `ms` of wall time pass, then records the status's text if it changed. */
  wait(ms: number): void {
    act(() => vi.advanceTimersByTime(ms));
    this.wallMs += ms;
    this.record();
  }

  record(): void {
    const text = screen.getByTestId('seek-voice').textContent ?? '';
    if (text !== this.last) this.said.push({ wallMs: this.wallMs, text });
    this.last = text;
  }
}

/** The worker's progress of a jump to TARGET, as src/store/playback.ts onProgress sets it. */
const progress = (percent: number) => act(() => usePlayback.setState({ seekTarget: TARGET, seekProgress: percent }));

async function renderBar(): Promise<void> {
  loadAt(writeReadScenario(), 20_000);
  render(<><TimeDisplay /><NarrationCaption /></>);
  await screen.findByTestId('caption');
  // The status's words load after the first paint (their own chunk): the region is there before.
  expect(screen.getByTestId('seek-voice')).toHaveAttribute('role', 'status');
  await act(async () => {
    await import('../../../src/ui/controls/SeekVoice.tsx');
  });
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
}

afterEach(() => {
  vi.useRealTimers();
  cleanup();
  act(() => usePlayback.setState({ playing: false, seekTarget: null, seekProgress: null }));
});

describe('a long jump, heard', () => {
  it('is said once when it starts, then every 25 points at most every 4 s; the caption says the moment reached; the percent is not a live region', async () => {
    await renderBar();
    const heard = new Heard();
    progress(0);
    // While it is under way, neither the caption nor the output speaks the moments on its way.
    expect(speaking()).toMatchObject({ caption: null, output: null });
    heard.wait(100);
    progress(2);
    heard.wait(400);
    expect(heard.said).toEqual([{ wallMs: 500, text: `Simulating ahead to ${formatTime(TARGET)}…` }]);
    // The visible percent follows every step, but is no live region.
    const percent = screen.getByTestId('seek-progress');
    expect(percent).toHaveTextContent('Simulating… 2%');
    expect(percent.closest('[role="status"], [aria-live="polite"], [aria-live="assertive"], output')).toBeNull();
    for (let step = 3; step <= 99; step++) {
      progress(step);
      heard.wait(100);
    }
    expect(heard.said.map((h) => h.text)).toEqual([`Simulating ahead to ${formatTime(TARGET)}…`, 'Simulating, 43% done', 'Simulating, 83% done']);
    for (let i = 1; i < heard.said.length; i++) expect(heard.said[i]!.wallMs - heard.said[i - 1]!.wallMs).toBeGreaterThanOrEqual(4_000);
    // Reached, paused: the caption says the moment with its event, once; the status goes quiet.
    act(() => usePlayback.getState().seek(TARGET));
    heard.record();
    const now = speaking();
    expect(now.status).toBe('');
    expect(now.caption).toContain(formatTime(usePlayback.getState().timeMs));
    expect(now.output).toBeNull();
  });

  it('says where a jump made while playing arrived (no caption speaks then), in the reader\'s language', async () => {
    await renderBar();
    act(() => usePlayback.getState().setLanguage('zh'));
    act(() => usePlayback.getState().setPlaying(true));
    const heard = new Heard();
    progress(20);
    heard.wait(600);
    act(() => usePlayback.getState().seek(TARGET));
    heard.record();
    expect(heard.said.map((h) => h.text)).toEqual([`正在向前模拟到 ${formatTime(TARGET)}…`, `已到达 ${formatTime(TARGET)}`]);
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('says nothing of a short jump: the caption says where it went', async () => {
    await renderBar();
    const heard = new Heard();
    progress(0);
    heard.wait(200);
    act(() => usePlayback.getState().seek(TARGET));
    heard.wait(1_000);
    expect(heard.said).toEqual([]);
    expect(speaking().caption).toContain(formatTime(usePlayback.getState().timeMs));
  });
});
