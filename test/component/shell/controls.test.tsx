// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLesson } from '../../../src/store/lesson.ts';
import type { TimelineAction } from '../../../src/model/spec.ts';
import { usePage } from '../../../src/store/page.ts';
import { getTimeline, playheadTarget, usePlayback } from '../../../src/store/playback.ts';
import { askSim } from '../../../src/store/sim-query.ts';
import { Timeline } from '../../../src/sim/timeline.ts';
import { COMMANDS } from '../../../src/ui/commands.ts';
import { translate } from '../../../src/ui/i18n/index.ts';
import { actionTarget } from '../../../src/ui/controls/Scrubber.tsx';
import { freshRun, renderControls, time } from './shell-harness.tsx';
import { loadAt } from '../panels/load.ts';
import { consumerSpec, writeReadScenario } from '../panels/scenarios.ts';

const click = (testId: string) => fireEvent.click(screen.getByTestId(testId));

beforeEach(() => {
  freshRun();
  renderControls();
});
afterEach(cleanup);

describe('the playback buttons', () => {
  it('play starts playback and pause stops it, and the button says which it will do', () => {
    expect(screen.getByTestId('command-togglePlay')).toHaveAccessibleName('Play');
    click('command-togglePlay');
    expect(usePlayback.getState().playing).toBe(true);
    expect(screen.getByTestId('command-togglePlay')).toHaveAccessibleName('Pause');
    // The playhead is not spoken while it runs: six changes a second drowned the event announcer.
    expect(screen.getByTestId('time-current')).toHaveAttribute('aria-live', 'off');
    click('command-togglePlay');
    expect(usePlayback.getState().playing).toBe(false);
    expect(screen.getByTestId('time-current')).toHaveAttribute('aria-live', 'polite');
  });

  it('steps forward to the next trace event, then back to the one before', () => {
    click('command-stepForward');
    const first = time();
    expect(first).toBeGreaterThan(0);
    expect(getTimeline()!.traceAt(getTimeline()!.traceLength - 1)!.t).toBe(first);
    click('command-stepForward');
    const second = time();
    expect(second).toBeGreaterThan(first);
    click('command-stepBack');
    expect(time()).toBe(first);
  });

  it('jumps by 10 s and 1 s each way, never before 0 or past the end', () => {
    click('command-jumpForward10');
    expect(time()).toBe(10_000);
    click('command-jumpForward1');
    expect(time()).toBe(11_000);
    click('command-jumpBack1');
    expect(time()).toBe(10_000);
    click('command-jumpBack10');
    click('command-jumpBack10');
    expect(time()).toBe(0);
    act(() => usePlayback.getState().seek(175_000));
    click('command-jumpForward10');
    expect(time()).toBe(180_000);
  });

  it('restart returns to 0:00.000', () => {
    click('command-jumpForward10');
    click('command-restart');
    expect(time()).toBe(0);
    expect(screen.getByTestId('time-current')).toHaveTextContent('0:00.000');
  });

  it('shows the time as m:ss.mmm and the length of the run', () => {
    act(() => usePlayback.getState().seek(61_234));
    expect(screen.getByTestId('time-current')).toHaveTextContent('1:01.234');
    expect(screen.getByTestId('time-total')).toHaveTextContent('3:00.000');
  });

  it('steps the speed through 1-2-5 on a log scale and shows it as "10x"', () => {
    expect(screen.getByTestId('speed-value')).toHaveTextContent('10x');
    click('command-faster');
    expect(screen.getByTestId('speed-value')).toHaveTextContent('20x');
    click('command-slower');
    click('command-slower');
    expect(usePlayback.getState().speed).toBe(5);
    expect(screen.getByTestId('speed-value')).toHaveTextContent('5x');
  });

  it('moves the speed on the slider from 0.1x to 1000x', () => {
    const slider = screen.getByTestId('speed');
    fireEvent.change(slider, { target: { value: '-100' } });
    expect(usePlayback.getState().speed).toBe(0.1);
    fireEvent.change(slider, { target: { value: '300' } });
    expect(usePlayback.getState().speed).toBe(1000);
    expect(slider).toHaveAttribute('aria-valuetext', '1000x');
  });

  it('play at the end of the run starts it again from 0', () => {
    act(() => usePlayback.getState().seek(180_000));
    click('command-togglePlay');
    expect(time()).toBe(0);
    expect(usePlayback.getState().playing).toBe(true);
  });
});

describe('the scrubber', () => {
  it('seeks anywhere in the run', () => {
    fireEvent.change(screen.getByTestId('scrubber'), { target: { value: '90000' } });
    expect(time()).toBe(90_000);
    expect(screen.getByTestId('scrubber')).toHaveAttribute('aria-valuetext', '1:30.000 of 3:00.000');
  });

  it('moves a second per arrow key and ten per page key when focused', () => {
    const scrubber = screen.getByTestId('scrubber');
    fireEvent.keyDown(scrubber, { key: 'ArrowRight' });
    expect(time()).toBe(1_000);
    fireEvent.keyDown(scrubber, { key: 'PageUp' });
    expect(time()).toBe(11_000);
    fireEvent.keyDown(scrubber, { key: 'End' });
    expect(time()).toBe(180_000);
  });

  it('draws each timeline action as a tick titled with its time and what it does, in the page\'s language with the action\'s name beside it', () => {
    cleanup();
    freshRun('crash-partition-shutdown');
    renderControls();
    const marks = screen.getAllByTestId('mark-fault');
    expect(marks.map((mark) => mark.getAttribute('title'))).toEqual([
      '1:00.000 · broker-a crashes (crashBroker)',
      '1:30.000 · broker-b is cut off by a network partition (partitionBroker)',
      '4:00.000 · broker-c shuts down (shutdownBroker)',
      '5:00.000 · broker-a starts (startBroker)',
    ]);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getAllByTestId('mark-fault')[1]!.getAttribute('title')).toBe('1:30.000 · broker-b 被网络分区隔离（partitionBroker）');
    act(() => usePlayback.getState().setLanguage('en'));
    expect(marks[0]!.style.left).toBe(`${(60_000 / 360_000) * 100}%`);
    fireEvent.click(marks[1]!);
    expect(time()).toBe(90_000);
  });

  it('titles an added client that starts later with when it starts, before the captions arrive', () => {
    cleanup();
    const later = { ...consumerSpec('c-3', 'TopicTest', 'CG_ORDER', 2), startAt: 40_000 };
    loadAt(writeReadScenario({ timeline: [{ at: 20_000, action: 'addConsumer', consumer: later }, { at: 50_000, action: 'addConsumer', consumer: { ...later, id: 'c-4', startAt: 0 } }] }), 0);
    renderControls();
    const titles = () => screen.getAllByTestId('mark-fault').map((mark) => mark.getAttribute('title'));
    expect(titles()).toEqual(['0:20.000 · c-3 is added, starts at 0:40.000 (addConsumer)', '0:50.000 · c-4 starts (addConsumer)']);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(titles()[0]).toBe('0:20.000 · c-3 已添加，0:40.000 启动（addConsumer）');
  });

  it('names a slave\'s fault by its node and a link\'s by both ends, as the fault editor offers them', () => {
    expect(actionTarget({ at: 0, action: 'powerOffBroker', target: 'broker-b', brokerId: 1 })).toBe('broker-b/1');
    expect(actionTarget({ at: 0, action: 'powerOffBroker', target: 'broker-b' })).toBe('broker-b');
    expect(actionTarget({ at: 0, action: 'partitionLink', target: 'broker-b', peer: 'broker-b/1' })).toBe('broker-b ↔ broker-b/1');
  });

  it('marks the moments each broker fault showed itself, found ahead of the playhead, titled in the failover view\'s words; a click goes there', async () => {
    cleanup();
    freshRun('crash-partition-shutdown');
    renderControls();
    // Seven signs (the crash's first and its routes let go, the partition's three, the shutdown's two); a ring is
    // 8 px of the 300 px bar (jsdom measures nothing), 9.6 s of the run: the crash's two, 1 s apart, share one.
    await waitFor(() => expect(screen.getAllByTestId('mark-sign')).toHaveLength(6));
    const titles = () => screen.getAllByTestId('mark-sign').map((mark) => mark.getAttribute('title'));
    expect(titles()[0]).toBe([
      'First sign of “broker-a crashes (crashBroker)”: ns-1, ns-2 removed broker-a/0 at 1:00.001: its connection closed (1\u00a0ms after the fault)',
      '1:01.016 · no client\'s route lists broker-a/0 any more (1\u00a0s after the fault; the last to drop it: c-1)',
    ].join('\n'));
    expect(titles()[2]).toBe('ns-1 removed broker-b/0 at 3:10.001: its channel was idle for 120\u00a0s since 1:10.001');
    // broker-c, the last broker up, unregistered at 4:00.002; every client's pulls at 4:01 and 4:31 found no route for
    // TopicTest nor for the group's retry topic, and kept theirs until broker-a, started at 5:00, registered.
    expect(titles()[5]).toBe('5:01.017 · no client\'s route lists broker-c/0 any more (61\u00a0s after the fault; the last to drop it: c-1); 61\u00a0s after the first NameServer dropped it: the route pulls of p-1, c-1 and c-2 for TopicTest and %RETRY%CG_ORDER brought none (TOPIC_NOT_EXIST, or no NameServer answered), and a pull that brings no route leaves the cached one as it was, until one brings a route again (%RETRY%CG_ORDER: the group\'s retry topic, whose route a CLUSTERING consumer pulls with its own topic\'s)');
    // A route pull's period or less says nothing more.
    expect(titles()[3]).toBe('3:31.018 · no client\'s route lists broker-b/0 any more (121\u00a0s after the fault; the last to drop it: c-2)');
    expect(time()).toBe(0);
    fireEvent.click(screen.getAllByTestId('mark-sign')[2]!);
    expect(time()).toBe(190_001);
    // A merged mark goes to its earliest sign.
    fireEvent.click(screen.getAllByTestId('mark-sign')[0]!);
    expect(time()).toBe(60_001);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(titles()[2]).toBe('ns-1 在 3:10.001 移除了 broker-b/0：它的连接自 1:10.001 起空闲了 120\u00a0秒');
    expect(titles()[5]).toBe('5:01.017 · 已没有客户端的路由列出 broker-c/0（故障后 61\u00a0秒；最后一个不再列出它的是 c-1）；这比第一个 NameServer 移除它晚了 61\u00a0秒：p-1、c-1、c-2 拉取 TopicTest、%RETRY%CG_ORDER 的路由都没有拿到（TOPIC_NOT_EXIST，或没有 NameServer 应答），拿不到路由时缓存的旧路由保持不变，直到某次拉取重新拿到路由（%RETRY%CG_ORDER 是消费者组的重试主题，CLUSTERING 消费者会连同自己的主题一起拉取它的路由）');
  });

  it('marks the forks the person made', () => {
    act(() => usePlayback.setState({ forks: [42_000] }));
    expect(screen.getByTestId('mark-fork')).toHaveAttribute('title', '0:42.000 · your change (the run forks here)');
  });

  it('names what a fork changed after its label, with the full-width colon in Chinese', () => {
    cleanup();
    freshRun('crash-partition-shutdown');
    renderControls();
    act(() => usePlayback.setState({ forks: [60_000] }));
    expect(screen.getByTestId('mark-fork')).toHaveAttribute('title', '1:00.000 · your change (the run forks here): broker-a crashes (crashBroker)');
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('mark-fork')).toHaveAttribute('title', '1:00.000 · 你的修改（运行从此处分叉）：broker-a 崩溃（crashBroker）');
    act(() => usePlayback.getState().setLanguage('en'));
  });
});

describe('keyboard shortcuts', () => {
  const press = (key: string, modifiers: { shiftKey?: boolean; altKey?: boolean; ctrlKey?: boolean } = {}, target: Element = document.body) =>
    fireEvent.keyDown(target, { key, ...modifiers });

  it('Space plays and pauses', () => {
    press(' ');
    expect(usePlayback.getState().playing).toBe(true);
    press(' ');
    expect(usePlayback.getState().playing).toBe(false);
  });

  it('→ and ← step one event, Shift jumps 10 s, Alt jumps 1 s, Home restarts', () => {
    press('ArrowRight');
    const first = time();
    press('ArrowRight');
    press('ArrowLeft');
    expect(time()).toBe(first);
    press('ArrowRight', { shiftKey: true });
    expect(time()).toBe(first + 10_000);
    press('ArrowLeft', { altKey: true });
    expect(time()).toBe(first + 9_000);
    press('Home');
    expect(time()).toBe(0);
  });

  it('← and → during a seek on the page step from its target, as the worker does', () => {
    const local = new Timeline(usePlayback.getState().scenario!);
    local.seek(60_000);
    const back = local.previousTraceTime();
    local.seek(60_000);
    const forward = local.seekNextTraceEvent();
    for (const [key, expected] of [['ArrowLeft', back], ['ArrowRight', forward]] as const) {
      usePlayback.getState().seek(0);
      // A seek the driver carries across frames, still at 0:00 (src/store/playback.ts continueSeek).
      act(() => usePlayback.setState({ seekTarget: 60_000, seekProgress: 0 }));
      press(key);
      expect([time(), usePlayback.getState().seekTarget], key).toEqual([expected, null]);
    }
  });

  it('] and [ go to the next and the previous tick under the playhead: a fault, a sign of one', async () => {
    cleanup();
    freshRun('crash-partition-shutdown');
    renderControls();
    press(']');
    // broker-a crashes at 60 s; ns-1 sees its connection close one hop later, the crash's first sign.
    await waitFor(() => expect(time()).toBe(60_000));
    press(']');
    await waitFor(() => expect(time()).toBe(60_001));
    press('[');
    await waitFor(() => expect(time()).toBe(60_000));
  });

  /** The times of the ticks the scrubber draws (actions, forks, rings of signs), from where each stands on the bar. */
  const drawnTimes = () => {
    const duration = usePlayback.getState().scenario!.durationMs;
    const lefts = [...document.querySelectorAll<HTMLElement>('.rs-mark')].map((mark) => Math.round((parseFloat(mark.style.left) / 100) * duration));
    return [...new Set(lefts)].sort((a, b) => a - b);
  };
  const signsComplete = async () => (await askSim('faultSigns', {})).complete;

  it('] and [ stop where the scrubber draws a tick and nowhere else, each in turn, on a library scenario', async () => {
    cleanup();
    freshRun('crash-partition-shutdown');
    renderControls();
    // The crash's two signs, 1 s apart, share a ring on the 300 px bar of jsdom: the keys do not stop at the second.
    await waitFor(() => expect(screen.getAllByTestId('mark-sign')).toHaveLength(6));
    const drawn = drawnTimes();
    expect(drawn).toHaveLength(4 + 6);
    const visited: number[] = [];
    for (const expected of drawn) {
      press(']');
      await waitFor(() => expect(time()).toBe(expected));
      visited.push(time());
    }
    expect(visited).toEqual(drawn);
    for (const expected of drawn.slice(0, -1).reverse()) {
      press('[');
      await waitFor(() => expect(time()).toBe(expected));
    }
  });

  it('] past the 200 ticks drawn goes to the next tick drawn, not to the 201st action, which has none', async () => {
    cleanup();
    // 205 rate changes 100 ms apart from 1 s, then broker-a crashes at 30 s: its signs are drawn, its own tick is not.
    const rates: TimelineAction[] = Array.from({ length: 205 }, (_, i) => ({ at: 1_000 + i * 100, action: 'setProducerRate', target: 'p-1', ratePerSec: 10 + (i % 2) }));
    loadAt(writeReadScenario({ timeline: [...rates, { at: 30_000, action: 'crashBroker', target: 'broker-a' }] }), 20_900);
    renderControls();
    expect(screen.getAllByTestId('mark-fault')).toHaveLength(200);
    // Where the playhead is going: a seek past the simulated time goes on across frames (no driver here).
    // The look ahead finds the crash's signs a share at a time: the key waits for all of them.
    press(']');
    await waitFor(() => expect(playheadTarget()).toBeGreaterThan(20_900), { timeout: 30_000 });
    await waitFor(async () => expect(await signsComplete()).toBe(true));
    await waitFor(() => expect(screen.queryAllByTestId('mark-sign').length).toBeGreaterThan(0));
    const next = drawnTimes().find((t) => t > 20_900)!;
    expect(next).toBeGreaterThan(30_000);
    expect(playheadTarget()).toBe(next);
    press('[');
    await waitFor(() => expect(playheadTarget()).toBe(20_900));
  });

  it('] waits for the look ahead to find every sign: from a fault\'s tick it goes to the fault\'s first sign, found a share at a time', async () => {
    cleanup();
    loadAt(writeReadScenario({ timeline: [{ at: 200_000, action: 'crashBroker', target: 'broker-a' }] }), 200_000);
    renderControls();
    press(']');
    await waitFor(() => expect(playheadTarget()).toBeGreaterThan(200_000), { timeout: 30_000 });
    await waitFor(async () => expect(await signsComplete()).toBe(true));
    await waitFor(() => expect(screen.queryAllByTestId('mark-sign').length).toBeGreaterThan(0));
    expect(playheadTarget()).toBe(drawnTimes().find((t) => t > 200_000));
  });

  it('+ and - (or =) change the speed', () => {
    press('+', { shiftKey: true });
    expect(usePlayback.getState().speed).toBe(20);
    press('=');
    expect(usePlayback.getState().speed).toBe(50);
    press('-');
    press('-');
    press('-');
    expect(usePlayback.getState().speed).toBe(5);
  });

  it('leaves Ctrl and Meta chords to the browser', () => {
    press('ArrowRight', { ctrlKey: true });
    expect(time()).toBe(0);
  });

  it('does nothing while typing in an input, a textarea, a select or a contenteditable element', () => {
    const fields = [
      Object.assign(document.createElement('input'), { type: 'text' }),
      document.createElement('textarea'),
      document.createElement('select'),
      document.createElement('div'),
    ];
    fields[3]!.setAttribute('contenteditable', 'true');
    const inner = document.createElement('span');
    fields[3]!.append(inner);
    for (const field of fields) document.body.append(field);
    for (const target of [...fields, inner]) {
      for (const key of [' ', 'ArrowRight', 'Home', '+', '?']) press(key, {}, target);
    }
    expect(usePlayback.getState()).toMatchObject({ playing: false, timeMs: 0, speed: 10 });
    expect(usePage.getState()).toMatchObject({ helpOpen: false });
    for (const field of fields) field.remove();
  });

  it('on a focused slider, arrows move the slider while Space and + still work', () => {
    const speed = screen.getByTestId('speed');
    press('ArrowRight', {}, speed);
    press('Home', {}, speed);
    expect(time()).toBe(0);
    press(' ', {}, speed);
    expect(usePlayback.getState().playing).toBe(true);
    press('+', {}, screen.getByTestId('scrubber'));
    expect(usePlayback.getState().speed).toBe(20);
  });

  it('Space on a focused button presses that button, not play', () => {
    const step = screen.getByTestId('command-stepForward');
    press(' ', {}, step);
    expect(usePlayback.getState().playing).toBe(false);
  });

  it('? opens the help and Escape closes it', () => {
    press('?', { shiftKey: true });
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    press('Escape');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

describe('the help overlay', () => {
  it('lists every registered command with its label and every one of its keys', () => {
    click('command-jumpForward10');
    act(() => usePage.getState().setHelpOpen(true));
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const command of COMMANDS) {
      const row = within(dialog).getByTestId(`help-${command.name}`);
      // The row's own text: a label with a period ("Forward 10\u00a0s") keeps its no-break space, which toHaveTextContent folds.
      expect(row.textContent).toContain(translate('en', command.name));
      for (const binding of command.keys) expect(within(row).getByText(binding.label, { selector: 'kbd' })).toBeInTheDocument();
    }
    expect(within(dialog).getAllByRole('row')).toHaveLength(COMMANDS.length + 1);
  });

  it('gives every command a key, and no two commands the same key', () => {
    const seen = new Set<string>();
    for (const command of COMMANDS) {
      expect(command.keys.length).toBeGreaterThan(0);
      for (const binding of command.keys) {
        const chord = `${binding.alt ? 'Alt+' : ''}${binding.shift ? 'Shift+' : ''}${binding.key}`;
        expect(seen.has(chord)).toBe(false);
        seen.add(chord);
      }
    }
  });

  it('names the keys bound only while presenting once, after the others (B and . ran into "B (while presenting). (while presenting)")', () => {
    act(() => usePage.getState().setHelpOpen(true));
    for (const command of COMMANDS) {
      const labels = (presenting: boolean) => command.keys.filter((binding) => Boolean(binding.presenting) === presenting).map((binding) => binding.label).join('');
      const presentingOnly = labels(true) && `${labels(false) && ' · '}${labels(true)} (while presenting)`;
      expect(screen.getByTestId(`help-${command.name}`).querySelector('td')!.textContent).toBe(`${labels(false)}${presentingOnly}`);
    }
    expect(screen.getByTestId('help-blank')).toHaveTextContent(/^B\. \(while presenting\)Blank the screen$/);
  });

  it('opens at its top: its first control, the single-key switch under the title, takes focus without scrolling the dialog', () => {
    const focus = vi.spyOn(HTMLElement.prototype, 'focus');
    act(() => usePage.getState().setHelpOpen(true));
    const toggle = screen.getByRole('switch', { name: 'Single-key shortcuts' });
    expect(toggle).toHaveFocus();
    expect(focus.mock.contexts.at(-1)).toBe(toggle);
    expect(focus).toHaveBeenLastCalledWith({ preventScroll: true });
    focus.mockRestore();
  });

  it('speaks Chinese when the page does', () => {
    act(() => usePlayback.getState().setLanguage('zh'));
    act(() => usePage.getState().setHelpOpen(true));
    expect(screen.getByRole('dialog', { name: '键盘快捷键' })).toHaveTextContent('前进一个事件');
  });
});

describe('the help overlay in a chapter', () => {
  beforeEach(() => act(() => useLesson.setState({ chapterId: 'basics', step: 1 })));
  afterEach(() => act(() => useLesson.getState().closeChapter()));
  const keysOf = (row: HTMLElement) => within(row).queryAllByText(/./, { selector: 'kbd' }).map((kbd) => kbd.textContent);

  it('says ← → PageUp PageDown move between the lesson\'s steps, and no longer offers them for stepping one event', () => {
    act(() => usePage.getState().setHelpOpen(true));
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    const lesson = within(dialog).getByTestId('help-lessonStep');
    expect(lesson).toHaveTextContent('Previous / next step of the lesson');
    expect(keysOf(lesson)).toEqual(['←', '→', 'PageUp', 'PageDown']);
    // The lesson takes the bare keys even outside presentation mode: none of them steps one event there.
    expect(lesson).not.toHaveTextContent('while presenting');
    expect(dialog).not.toHaveTextContent('one event');
    // Their modified arrows stay the page's: a chapter takes only the bare keys.
    expect(keysOf(within(dialog).getByTestId('help-jumpBack10'))).toEqual(['Shift+←']);
    expect(keysOf(within(dialog).getByTestId('help-jumpForward1'))).toEqual(['Alt+→']);
  });

  it('says it in Chinese too', () => {
    act(() => usePlayback.getState().setLanguage('zh'));
    act(() => usePage.getState().setHelpOpen(true));
    const dialog = screen.getByRole('dialog', { name: '键盘快捷键' });
    expect(within(dialog).getByTestId('help-lessonStep')).toHaveTextContent('课程的上一步 / 下一步');
    expect(dialog).not.toHaveTextContent('一个事件');
  });

  it('names no chapter key in the step buttons\' tooltips: in a lesson → moves a step, the button one event', () => {
    expect(screen.getByTestId('command-stepForward')).toHaveAttribute('title', 'Step forward one event');
    expect(screen.getByTestId('command-jumpForward10')).toHaveAttribute('title', 'Forward 10\u00a0s (Shift+→)');
    act(() => useLesson.getState().closeChapter());
    expect(screen.getByTestId('command-stepForward')).toHaveAttribute('title', 'Step forward one event (→, PageDown)');
  });

  it('is as before once the chapter is left', () => {
    act(() => useLesson.getState().closeChapter());
    act(() => usePage.getState().setHelpOpen(true));
    expect(screen.queryByTestId('help-lessonStep')).toBeNull();
    expect(screen.getByTestId('help-stepForward')).toHaveTextContent(/^→ · PageDown \(while presenting\)Step forward one event$/);
  });
});
