// @vitest-environment jsdom
/**
 * A scenario too heavy for the page is offered shorter (src/scenario/prefix.ts), and the banner
 * and the JSON editor say what the shorter run leaves out. The large scale test's three timeline
 * actions (broker-03 crashed at 20:00 and restarted at 25:00, ns-1 crashed at 40:00) all come
 * after the 18 minutes the page takes: both name them, and offer 18 minutes with the timeline
 * moved 11 min earlier, which keeps broker-03's crash and restart.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { usePage } from '../../../src/store/page.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { Banner, loadBannerWords } from '../../../src/ui/controls/Banner.tsx';
import { openFromHash } from '../../../src/ui/controls/session.ts';
import { EditorPanel } from '../../../src/ui/editor/EditorPanel.tsx';
import { useDraft } from '../../../src/store/draft.ts';
import { FAST_PRODUCER } from '../../support/heavy-scenarios.ts';
import { link, onFreshRuns } from './shell-harness.tsx';

const MINUTE_MS = 60_000;
const large = JSON.parse(readFileSync(resolve('test/bench/large.json'), 'utf8')) as { timeline: object[] };

beforeAll(() => loadBannerWords());
onFreshRuns(() => useDraft.setState({ text: null, tab: 'knobs' }));

function banner(): HTMLElement {
  return screen.getByTestId('banner');
}

function setLanguage(language: 'en' | 'zh'): void {
  act(() => usePlayback.getState().setLanguage(language));
}

const LEFT_OUT = 'Its first 18 min leave out its 3 timeline actions after that, the first at 20:00.000: broker-03 crashes (crashBroker).';
const LEFT_OUT_ZH = '它的前 18 分钟不包含此后的 3 个时间线动作（第一个在 20:00.000：broker-03 崩溃（crashBroker））。';
const MOVED = 'with its whole timeline moved 11 min earlier, order and gaps kept, at 9:00.000 (20:00.000 in the file): broker-03 crashes (crashBroker); at 14:00.000 (25:00.000 in the file): broker-03 starts (startBroker).';
const NS_1_LEFT = 'Its action at 40:00.000 in the file still falls after 18 min and is left out: ns-1 crashes (crashNameServer).';

describe('the banner of a link too heavy for the page', () => {
  it('the large scale test: names the three actions its first 18 minutes leave out, and offers 18 minutes around broker-03\'s crash', () => {
    openFromHash(link(large));
    render(<Banner />);
    expect(banner()).toHaveTextContent('This scenario is too heavy for the page');
    expect(banner()).toHaveTextContent(`The default scenario is open instead. ${LEFT_OUT} Or 18 min ${MOVED} ${NS_1_LEFT}`);
    expect(screen.getByRole('button', { name: 'Open its first 18 min' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open 18 min around its first fault' })).toBeInTheDocument();
    setLanguage('zh');
    expect(banner()).toHaveTextContent(LEFT_OUT_ZH);
    expect(banner()).toHaveTextContent('也可以打开整条时间线提前 11 分钟、顺序和间隔不变的 18 分钟：9:00.000（文件中为 20:00.000）：broker-03 崩溃（crashBroker）；14:00.000（文件中为 25:00.000）：broker-03 启动（startBroker）。文件中 40:00.000 的动作仍落在 18 分钟之后，不包含在内：ns-1 崩溃（crashNameServer）。');
    expect(screen.getByRole('button', { name: '打开围绕第一个故障的 18 分钟' })).toBeInTheDocument();
  });

  it('its first 18 minutes, once open, still say what they leave out', () => {
    openFromHash(link(large));
    render(<Banner />);
    fireEvent.click(screen.getByRole('button', { name: 'Open its first 18 min' }));
    expect(usePlayback.getState().scenario).toMatchObject({ durationMs: 18 * MINUTE_MS, timeline: [] });
    expect(banner()).toHaveTextContent('This is the scenario\'s first 18 minutes: the whole is too heavy for the page. They leave out its 3 timeline actions after that, the first at 20:00.000: broker-03 crashes (crashBroker). The command-line runner');
    setLanguage('zh');
    expect(banner()).toHaveTextContent('这是该场景的前 18 分钟：整个场景对页面来说太重。其中不包含此后的 3 个时间线动作（第一个在 20:00.000：broker-03 崩溃（crashBroker））。命令行运行器');
  });

  it('the 18 minutes around its first fault: broker-03 crashes at 9:00 and starts at 14:00, and the note says they moved', () => {
    openFromHash(link(large, 25 * MINUTE_MS));
    render(<Banner />);
    fireEvent.click(screen.getByRole('button', { name: 'Open 18 min around its first fault' }));
    const { scenario, source } = usePlayback.getState();
    expect(scenario?.durationMs).toBe(18 * MINUTE_MS);
    expect(scenario?.timeline).toEqual([{ at: 9 * MINUTE_MS, action: 'crashBroker', target: 'broker-03' }, { at: 14 * MINUTE_MS, action: 'startBroker', target: 'broker-03' }]);
    expect(source).toMatchObject({ durationMs: 18 * MINUTE_MS, timeline: [{ at: 9 * MINUTE_MS }, { at: 14 * MINUTE_MS }] });
    // The link asked for 25:00, just after the restart: the same moment of the moved timeline.
    expect(usePlayback.getState().seekTarget ?? usePlayback.getState().timeMs).toBe(14 * MINUTE_MS);
    expect(screen.getByRole('status')).toHaveTextContent(`This is 18 minutes of the scenario ${MOVED} ${NS_1_LEFT} The whole is too heavy for the page`);
    setLanguage('zh');
    expect(banner()).toHaveTextContent('这是该场景的 18 分钟，整条时间线提前了 11 分钟，顺序和间隔不变：9:00.000（文件中为 20:00.000）：broker-03 崩溃（crashBroker）；');
  });

  it('a scenario whose first minutes leave nothing out says nothing more, and offers only them', () => {
    openFromHash(link(FAST_PRODUCER));
    render(<Banner />);
    expect(banner()).toHaveTextContent('The default scenario is open instead.');
    expect(banner()).not.toHaveTextContent('leave out');
    expect(screen.queryByTestId('banner-offer-story')).toBeNull();
  });

  it('says the file\'s names as text', () => {
    const consumer = { id: '<b>c-1</b>', group: 'CG', topic: 'TopicTest' };
    openFromHash(link({ ...FAST_PRODUCER, consumers: [consumer], timeline: [{ at: 20 * MINUTE_MS, action: 'crashConsumer', target: consumer.id }] }));
    render(<Banner />);
    expect(banner()).toHaveTextContent('Its first 8 min leave out its timeline action at 20:00.000: <b>c-1</b> crashes (crashConsumer).');
    expect(banner().querySelector('b')).toBeNull();
  });
});

describe('the JSON editor, on a text too heavy for the page', () => {
  it('says what its first minutes leave out beside Apply, and applies 18 minutes around the first fault', () => {
    useDraft.setState({ tab: 'json' });
    usePage.setState({ editorOpen: true });
    render(<EditorPanel />);
    fireEvent.change(screen.getByTestId('json-editor'), { target: { value: JSON.stringify(large, null, 2) } });
    expect(screen.getByTestId('json-shorter-leaves-out')).toHaveTextContent(`${LEFT_OUT} Or 18 min ${MOVED} ${NS_1_LEFT}`);
    expect(screen.getByRole('button', { name: 'Apply its first 18 min' })).toBeInTheDocument();
    setLanguage('zh');
    expect(screen.getByTestId('json-shorter-leaves-out')).toHaveTextContent(LEFT_OUT_ZH);
    fireEvent.click(screen.getByRole('button', { name: '应用围绕第一个故障的 18 分钟' }));
    expect(usePlayback.getState().source).toMatchObject({ durationMs: 18 * MINUTE_MS, timeline: [{ at: 9 * MINUTE_MS }, { at: 14 * MINUTE_MS }] });
  });
});
