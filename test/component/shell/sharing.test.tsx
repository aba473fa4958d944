// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { findLibraryEntry } from '../../../src/scenario/library/index.ts';
import { decodeLink, encodeLink, type LinkProblem } from '../../../src/scenario/link.ts';
import { FIRST_TAB, useInsight } from '../../../src/store/insight.ts';
import { useLesson } from '../../../src/store/lesson.ts';
import { usePage } from '../../../src/store/page.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { Banner, loadBannerWords } from '../../../src/ui/controls/Banner.tsx';
import { ErrorBoundary } from '../../../src/ui/controls/ErrorBoundary.tsx';
import { openFileText } from '../../../src/ui/controls/open-file.ts';
import { describeLinkProblem } from '../../../src/ui/controls/banner-strings.ts';
import { openFromHash } from '../../../src/ui/controls/session.ts';
import { ShareButton } from '../../../src/ui/controls/ShareButton.tsx';
import { startUrlSync, URL_SYNC_MS } from '../../../src/ui/controls/url-sync.ts';
import { EditorPanel } from '../../../src/ui/editor/EditorPanel.tsx';
import { useDraft } from '../../../src/store/draft.ts';
import { startDriver } from '../../../src/ui/controls/driver.ts';
import { FAST_PRODUCER as FAST } from '../../support/heavy-scenarios.ts';
import { freshRun, seekEnded, time } from './shell-harness.tsx';

// The banner's words load when a banner first shows (Banner.tsx): here they are there from the start.
beforeAll(() => loadBannerWords());

function fragment(libraryId: string, timeMs: number): string {
  const encoded = encodeLink(findLibraryEntry(libraryId)!.scenario, timeMs);
  if (!encoded.ok) throw new Error('cannot encode');
  return `#${encoded.fragment}`;
}

/** Over the page's budget; its first 8 minutes are not (src/scenario/prefix.ts). */
const FAST_PRODUCER = { ...FAST, name: 'Fast' };

let stopDriver = () => {};
beforeEach(() => {
  // The page's driver carries a seek past the simulated time across frames (App starts it).
  stopDriver = startDriver();
  freshRun();
  useDraft.setState({ text: null, tab: 'knobs' });
});
afterEach(() => {
  stopDriver();
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('opening a link', () => {
  it('restores the scenario as written and the moment', async () => {
    openFromHash(fragment('nameserver-down', 61_234));
    await seekEnded();
    expect(time()).toBe(61_234);
    const state = usePlayback.getState();
    expect(state.libraryId).toBe('nameserver-down');
    expect(state.source).toEqual(findLibraryEntry('nameserver-down')!.scenario);
    expect(usePage.getState().banner).toBeNull();
  });

  it('opens the default scenario with a dismissible alert when the link is bad', () => {
    openFromHash('#s=1.NoXQhgjg');
    expect(usePlayback.getState().libraryId).toBe('write8-read4');
    render(<Banner />);
    expect(screen.getByRole('alert')).toHaveTextContent('This link is cut short');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a link over the page\'s budget: the default opens, the banner says why and offers the first minutes that fit, which open at the moment asked for', async () => {
    const encoded = encodeLink(FAST_PRODUCER, 2_000);
    if (!encoded.ok) throw new Error('cannot encode');
    openFromHash(`#${encoded.fragment}`);
    expect(usePlayback.getState().libraryId).toBe('write8-read4');
    render(<Banner />);
    expect(screen.getByRole('alert')).toHaveTextContent('This scenario is too heavy for the page');
    expect(screen.getByTestId('banner')).toHaveClass('rs-banner-alert');
    fireEvent.click(screen.getByRole('button', { name: 'Open its first 8 min' }));
    await seekEnded();
    expect(time()).toBe(2_000);
    const state = usePlayback.getState();
    expect(state.scenario?.durationMs).toBe(8 * 60_000);
    expect(state.source).toMatchObject({ ...FAST_PRODUCER, durationMs: 8 * 60_000 });
    // What the page did instead is a note, not an alert: read out politely and drawn calm.
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('This is the scenario\'s first 8 minutes');
    expect(screen.getByTestId('banner')).toHaveClass('rs-banner-note');
    expect(screen.queryByRole('button', { name: /^Open its first/ })).toBeNull();
  });

  it('opens the scenario sent at 0:00 with a note, in the page\'s language, when only its time is unreadable', () => {
    openFromHash(fragment('nameserver-down', 70_003).replace('&t=70003', '&t=abc'));
    expect(usePlayback.getState()).toMatchObject({ libraryId: 'nameserver-down' });
    expect(usePage.getState()).toMatchObject({ bannerTone: 'note' });
    expect(time()).toBe(0);
    render(<Banner />);
    expect(screen.getByRole('status')).toHaveTextContent('The time in this link (t=) could not be read: its scenario opened at 0:00.');
    cleanup();
    usePlayback.setState({ language: 'zh' });
    openFromHash(fragment('nameserver-down', 70_003).replace('&t=70003', '&t=abc'));
    render(<Banner />);
    expect(screen.getByRole('status')).toHaveTextContent('此链接中的时间（t=）无法读取：已从 0:00 打开链接中的场景。');
  });

  it('opens the default scenario without a banner when the address has no scenario', () => {
    openFromHash('');
    expect(usePlayback.getState()).toMatchObject({ libraryId: 'write8-read4' });
    expect(usePage.getState()).toMatchObject({ banner: null });
  });

  it('says what was wrong, for every reason, in English and in Chinese', () => {
    const readQueueNums = { path: 'topics[0].readQueueNums', message: 'must be an integer from 1 to 1024', zh: '必须是 1 到 1024 之间的整数' };
    const reasons: Exclude<LinkProblem, { code: 'none' }>[] = [
      { code: 'unknownVersion', version: '9' },
      { code: 'damaged', detail: 'checksum' },
      { code: 'truncated' },
      { code: 'tooLarge', what: 'link', limit: 65_536 },
      { code: 'tooLarge', what: 'scenario', limit: 1_048_576 },
      // Five problems: the first three are listed, the other two counted.
      { code: 'invalidScenario', errors: Array.from({ length: 5 }, () => readQueueNums), text: '{}' },
    ];
    const english = reasons.map((reason) => describeLinkProblem(reason, 'en'));
    expect(english).toEqual([
      expect.stringContaining('format 9'),
      expect.stringContaining('its check value does not match'),
      expect.stringContaining('cut short'),
      expect.stringContaining('over 64 KB'),
      expect.stringContaining('over 1 MB'),
      expect.stringContaining('topics[0].readQueueNums: must be an integer from 1 to 1024; and 2 more'),
    ]);
    for (const reason of reasons) expect(describeLinkProblem(reason, 'zh')).toMatch(/[\u4e00-\u9fff]/);
    // The problems themselves are in Chinese too, listed the Chinese way.
    expect(describeLinkProblem(reasons.at(-1)!, 'zh')).toContain('topics[0].readQueueNums：必须是 1 到 1024 之间的整数；');
  });
});

describe('Share', () => {
  it('copies the link to this run at this moment and says "Link copied"', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    act(() => usePlayback.getState().seek(42_000));
    render(<ShareButton />);
    fireEvent.click(screen.getByTestId('share'));
    await screen.findByText('Link copied');
    const link = String((writeText.mock.calls[0] as unknown as [string])[0]);
    const decoded = decodeLink(link.slice(link.indexOf('#')));
    expect(decoded.ok && decoded.timeMs).toBe(42_000);
    expect(decoded.ok && decoded.scenarioJson).toEqual(usePlayback.getState().source);
    // The copied link carries the page's language; the address bar does not, so a reader's own choice is never pinned.
    expect(link).toMatch(/&lang=en$/);
    expect(window.location.hash).toBe(link.slice(link.indexOf('#')).replace(/&lang=en$/, ''));
  });

  it('copies a chapter\'s link with the language and the view on screen, and the link opens that view', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } });
    act(() => {
      useLesson.setState({ chapterId: 'read-write', step: 1 });
      useInsight.getState().setTab('charts');
      usePlayback.getState().setLanguage('zh');
    });
    try {
      render(<ShareButton />);
      fireEvent.click(screen.getByTestId('share'));
      await waitFor(() => expect(writeText).toHaveBeenCalled());
      const link = String((writeText.mock.calls[0] as unknown as [string])[0]);
      expect(link).toMatch(/#ch=read-write&st=1&v=charts&lang=zh$/);
      act(() => useInsight.getState().setTab(FIRST_TAB));
      act(() => openFromHash(link.slice(link.indexOf('#'))));
      expect(useInsight.getState().tab).toBe('charts');
      expect(useLesson.getState()).toMatchObject({ chapterId: 'read-write', step: 1 });
    } finally {
      act(() => {
        useLesson.getState().closeChapter();
        useInsight.getState().setTab(FIRST_TAB);
        usePlayback.getState().setLanguage('en');
      });
    }
  });

  it('says, inside a chapter, what its link carries: the step, the moment and the answer given, not the selection', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: vi.fn(() => Promise.resolve()) } });
    act(() => useLesson.setState({ chapterId: 'failover', step: 2 }));
    try {
      render(<ShareButton />);
      fireEvent.click(screen.getByTestId('share'));
      await waitFor(() => expect(screen.getByTestId('share-status')).toHaveTextContent(/^Link copied: it opens this step at this moment; what is selected is not in it$/));
      act(() => useLesson.getState().answer(2, 1));
      fireEvent.click(screen.getByTestId('share'));
      await waitFor(() => expect(screen.getByTestId('share-status')).toHaveTextContent(/^Link copied: it opens this step at this moment, its question answered as here; what is selected is not in it$/));
    } finally {
      act(() => useLesson.getState().closeChapter());
    }
  });

  it('shows the link selected in a field when the clipboard is refused', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText: () => Promise.reject(new Error('denied')) } });
    render(<ShareButton />);
    fireEvent.click(screen.getByTestId('share'));
    const field = await screen.findByTestId('share-link');
    expect((field as HTMLInputElement).value).toMatch(/#s=1\..+&t=0&lang=en$/);
    expect(screen.getByLabelText('Copy this link')).toBe(field);
    expect(document.activeElement === field || (field as HTMLInputElement).selectionEnd! > 0).toBe(true);
  });
});

describe('the address follows the run', () => {
  it('rewrites #s=...&t=... at most every 300 ms, and opens a fragment pasted into the address bar', async () => {
    vi.useFakeTimers();
    const stop = startUrlSync();
    try {
      act(() => usePlayback.getState().seek(12_345));
      vi.advanceTimersByTime(URL_SYNC_MS);
      expect(window.location.hash).toMatch(/&t=12345$/);
      const decoded = decodeLink(window.location.hash);
      expect(decoded.ok && decoded.scenarioJson).toEqual(findLibraryEntry('write8-read4')!.scenario);
      window.location.hash = fragment('read8-write4', 0);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      expect(usePlayback.getState().libraryId).toBe('read8-write4');
    } finally {
      stop();
      vi.useRealTimers();
    }
  });
});

describe('the selection in the address (sel)', () => {
  it('writes the open card into the address, and a link with it opens the card again', async () => {
    vi.useFakeTimers();
    const stop = startUrlSync();
    const queue = { kind: 'queue', topic: 'TopicTest', broker: 'broker-a', queueId: 5 } as const;
    try {
      act(() => usePlayback.getState().select(queue));
      vi.advanceTimersByTime(URL_SYNC_MS);
      expect(window.location.hash).toMatch(/&t=0&sel=q\.5\.546f70696354657374\.62726f6b65722d61$/);
      act(() => usePlayback.getState().select(null));
      vi.advanceTimersByTime(URL_SYNC_MS);
      expect(window.location.hash).toMatch(/&t=0$/);
    } finally {
      stop();
      vi.useRealTimers();
    }
    openFromHash(`${fragment('write8-read4', 20_000)}&sel=q.5.546f70696354657374.62726f6b65722d61`);
    await seekEnded();
    expect(time()).toBe(20_000);
    expect(usePlayback.getState()).toMatchObject({ selection: queue });
    expect(usePage.getState()).toMatchObject({ banner: null });
  });

  it('ignores a damaged or made-up selection: no card, no banner', () => {
    for (const sel of ['q.5.zz.62', 'm.7F000001', 'c.632d39', '%3Cimg%3E']) {
      openFromHash(`${fragment('write8-read4', 1_000)}&sel=${sel}`);
      expect(usePlayback.getState(), sel).toMatchObject({ selection: null, libraryId: 'write8-read4' });
      expect(usePage.getState(), sel).toMatchObject({ banner: null });
    }
  });
});

describe('opening a file', () => {
  it('plays a valid file and keeps it as written', () => {
    const text = JSON.stringify({ version: 1, name: 'Tiny', durationMs: 30_000, nameServers: [{ id: 'ns-1' }], brokers: [{ name: 'broker-a' }] });
    openFileText(text, () => {
      throw new Error('a valid file has no problems to count');
    });
    expect(usePlayback.getState().scenario?.name).toBe('Tiny');
    expect(usePlayback.getState().source).toEqual(JSON.parse(text));
    expect(usePlayback.getState().libraryId).toBeNull();
  });

  it('does not play a valid file over the page\'s budget: the banner says why and offers its first minutes (it said nothing)', () => {
    openFileText(JSON.stringify(FAST_PRODUCER), () => {
      throw new Error('a valid file has no problems to count');
    });
    expect(usePlayback.getState().scenario?.name).toBe('Write 8 / read 4');
    render(<Banner />);
    expect(screen.getByRole('alert')).toHaveTextContent('This scenario is too heavy for the page');
    expect(usePage.getState().bannerOffer).toMatchObject({ minutes: 8, atMs: 0 });
    fireEvent.click(screen.getByRole('button', { name: 'Open its first 8 min' }));
    expect(usePlayback.getState().scenario?.durationMs).toBe(8 * 60_000);
  });

  it('does not play a file with problems: the editor opens on it with every problem by path', () => {
    const text = '{ "version": 1, "durationMs": -1, "topics": [{ "name": "T", "readQueueNums": 0 }] }';
    openFileText(text, (count) => ({ code: 'uploadInEditor', file: 'bad.json', count }));
    expect(usePlayback.getState().scenario?.name).toBe('Write 8 / read 4');
    expect(usePage.getState().banner).toEqual({ code: 'uploadInEditor', file: 'bad.json', count: 3 });
    render(<EditorPanel />);
    expect(screen.getByTestId('json-editor')).toHaveValue(text);
    const errors = screen.getByTestId('json-errors');
    expect(errors).toHaveTextContent('durationMs');
    expect(errors).toHaveTextContent('topics[0].readQueueNums');
  });
});

describe('a failure while drawing', () => {
  it('shows a message instead of a white page', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    function Broken(): never {
      throw new Error('no such broker');
    }
    render(
      <ErrorBoundary fallback={(error) => <p role="alert">Could not draw: {error.message}</p>}>
        <Broken />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('Could not draw: no such broker');
  });
});

