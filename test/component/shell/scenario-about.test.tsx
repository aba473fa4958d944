// @vitest-environment jsdom
/**
 * What a scenario is about, under the picker: what to watch first, one line per fault mark with its
 * time as the scrubber's tick says it, the long paragraph behind a disclosure; and a run the 4.x /
 * 5.x switch replayed is still the built-in scenario, said replayed, not "yours".
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { findLibraryEntry, loadLibraryDescription } from '../../../src/scenario/library/index.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { ScenarioDescription, ScenarioPicker } from '../../../src/ui/controls/ScenarioPicker.tsx';
import { Scrubber } from '../../../src/ui/controls/Scrubber.tsx';
import { openLibraryEntry, openSource } from '../../../src/ui/controls/session.ts';
import { NameServerPanel } from '../../../src/ui/panels/NameServerPanel.tsx';
import { formatTime } from '../../../src/viz/format.ts';

const WAIT = { timeout: 10_000 };

beforeEach(() => window.localStorage.clear());

afterEach(() => {
  cleanup();
  act(() => usePlayback.getState().setLanguage('en'));
});

describe('what a scenario is about', () => {
  it('leads with one line per fault mark, at the mark\'s time and in its words without the file\'s name of the action, the paragraph folded away behind a button until asked for', async () => {
    act(() => usePlayback.getState().setLanguage('en'));
    openLibraryEntry('crash-partition-shutdown');
    render(<><ScenarioDescription /><Scrubber /></>);
    const list = await screen.findByTestId('watch-list', {}, WAIT);
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '1:00.000 · broker-a crashes',
      '1:30.000 · broker-b is cut off by a network partition',
      '4:00.000 · broker-c shuts down',
      '5:00.000 · broker-a starts',
    ]);
    // The lines are the scrubber's marks: the same times, in the same order.
    const times = screen.getAllByTestId('mark-fault').map((mark) => mark.getAttribute('title')!.split(' · ')[0]);
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent!.split(' · ')[0])).toEqual(times);
    const paragraph = screen.getByTestId('scenario-description');
    const original = (await loadLibraryDescription('crash-partition-shutdown'))!.en;
    // Exactly: toHaveTextContent folds the paragraph's no-break spaces (30\u00a0s) and would not match the text's.
    expect(paragraph.textContent).toBe(original);
    expect(paragraph).not.toBeVisible();
    const toggle = screen.getByTestId('description-toggle');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(paragraph).toBeVisible();
    // A line is a way there, as its mark is.
    fireEvent.click(within(list).getByText('1:30.000 · broker-b is cut off by a network partition'));
    expect(usePlayback.getState().seekTarget).toBe(90_000);
  });

  it('says the lines in Chinese, as the Chinese marks do', async () => {
    act(() => usePlayback.getState().setLanguage('zh'));
    openLibraryEntry('nameserver-down');
    render(<ScenarioDescription />);
    const list = await screen.findByTestId('watch-list', {}, WAIT);
    expect(within(list).getAllByRole('listitem').map((item) => item.textContent)).toEqual([`${formatTime(60_000)} · ns-1 崩溃`, `${formatTime(135_000)} · ns-1 启动`]);
    expect(screen.getByRole('region', { name: '关于这个场景' })).toBeInTheDocument();
  });

  it('without a mark to watch, shows the paragraph folded to its first lines, as before', async () => {
    openLibraryEntry('write8-read4');
    render(<ScenarioDescription />);
    const paragraph = await screen.findByTestId('scenario-description', {}, WAIT);
    expect(screen.queryByTestId('watch-list')).toBeNull();
    expect(paragraph).toBeVisible();
    expect(paragraph).not.toHaveClass('rs-expanded');
  });
});

describe('a built-in scenario replayed as the other RocketMQ version', () => {
  it('keeps its name, says it is replayed as 4.x rather than "yours", and does not call its description untrue', async () => {
    act(() => usePlayback.getState().setLanguage('en'));
    openLibraryEntry('crash-partition-shutdown');
    render(<><ScenarioPicker /><ScenarioDescription /><NameServerPanel /></>);
    fireEvent.click(await screen.findByTestId('version-4.x', {}, WAIT));
    await waitFor(() => expect(usePlayback.getState().scenario?.config.rocketmqVersion).toBe('4.x'), WAIT);
    expect(screen.getByRole('option', { selected: true })).toHaveTextContent('Broker crash vs partition vs shutdown (replayed as RocketMQ 4.x)');
    expect(await screen.findByTestId('description-note', {}, WAIT)).toHaveTextContent('Replayed as RocketMQ 4.x; nothing else changed.');
    expect(screen.getByTestId('scenario-description')).toHaveTextContent(/^The description tells the run of the scenario's own version/);
    expect(document.body).not.toHaveTextContent(/yours|may have made untrue/);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByRole('option', { selected: true })).toHaveTextContent('Broker 崩溃、网络分区与正常关闭（按 RocketMQ 4.x 重放）');
    expect(screen.getByTestId('description-note')).toHaveTextContent('按 RocketMQ 4.x 重放，其他都没有改。');
  });

  it('an edit besides the version is still the person\'s own scenario, its description said to be the original\'s', async () => {
    const file = structuredClone(findLibraryEntry('crash-partition-shutdown')!.scenario) as { config?: Record<string, unknown>; durationMs: number };
    expect(openSource({ ...file, durationMs: file.durationMs - 1_000, config: { ...file.config, rocketmqVersion: '4.x' } }).ok).toBe(true);
    render(<><ScenarioPicker /><ScenarioDescription /></>);
    expect(screen.getByRole('option', { selected: true })).toHaveTextContent('Broker crash vs partition vs shutdown (yours: edited, opened or shared)');
    expect(await screen.findByTestId('description-note', {}, WAIT)).toHaveTextContent('Changed from a built-in scenario; its description, which the change may have made untrue:');
  });
});
