// @vitest-environment jsdom
/** The Space-time tab: a lane per process, the arrows the trace names, a click moving the playhead. */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { usePlayback } from '../../../src/store/playback.ts';
import { SpaceTimeTab } from '../../../src/ui/insight/space-time/SpaceTimeTab.tsx';
import { loadAt } from '../panels/load.ts';
import { writeReadScenario } from '../panels/scenarios.ts';
import { libraryScenario } from '../../support/library.ts';

afterEach(cleanup);

const WAIT = { timeout: 10_000 };

describe('SpaceTimeTab', () => {
  it('draws a lane per process and, over the last 20 s, the registrations and every send', async () => {
    loadAt(writeReadScenario(), 30_000);
    render(<SpaceTimeTab />);
    const svg = await screen.findByTestId('spacetime-svg', {}, WAIT);
    expect(svg).toHaveAccessibleName('Space-time diagram from 0:25.000 to 0:30.000');
    fireEvent.change(screen.getByTestId('spacetime-window'), { target: { value: '20' } });
    await waitFor(() => expect(svg.querySelector('[data-kind="register"]')).not.toBeNull(), WAIT);
    const labels = [...svg.querySelectorAll('text')].map((text) => text.textContent);
    for (const lane of ['p-1', 'broker-a/0', 'ns-1', 'ns-2', 'c-1', 'c-2']) expect(labels).toContain(lane);
    // A send every 100 ms from 1 s, bundled: their counts add up to every send in [10 s, 30 s], both ends included.
    const sends = [...svg.querySelectorAll('[data-kind="send"] title')].map((title) => title.textContent!);
    const counted = sends.reduce((sum, text) => sum + (/^(\d+) × /.exec(text) ? Number(/^(\d+) × /.exec(text)![1]) : 1), 0);
    expect(counted).toBe(201);
    // broker-a registers with both NameServers every 30 s: at 10 s and at 40 s, so one of each here.
    expect(svg.querySelectorAll('[data-kind="register"]')).toHaveLength(2);
    expect(svg).toHaveAccessibleName('Space-time diagram from 0:10.000 to 0:30.000');
  });

  it('marks a duplicate consumption on its consumer\'s lane, and the legend names the mark only while the window holds one', async () => {
    // A consumer joining and leaving: c-4's arrival at 60 s moves broker-b:0 and :1 to c-3 before c-2 committed their offsets,
    // while c-2 keeps them until 61 s.
    const timeline = loadAt(libraryScenario('consumer-join-leave'), 62_000);
    const again = timeline.traceSlice(0).filter((e) => e.type === 'message.consumedAgain' && e.t > 57_000);
    expect(again.map((e) => e.type === 'message.consumedAgain' && e.consumer)).toEqual(['c-3', 'c-3', 'c-3', 'c-3']);
    render(<SpaceTimeTab />);
    const svg = await screen.findByTestId('spacetime-svg', {}, WAIT);
    await waitFor(() => expect(svg.querySelector('[data-kind="duplicate"]')).not.toBeNull(), WAIT);
    const titles = [...svg.querySelectorAll('[data-kind="duplicate"] title')].map((title) => title.textContent);
    expect(titles.join(' ')).toContain('Consumed again (a duplicate)');
    expect(titles.join(' ')).toContain('c-3');
    expect(screen.getByRole('list', { name: 'Legend' })).toHaveTextContent('Consumed again (a duplicate)');
    act(() => usePlayback.getState().seek(70_000));
    await waitFor(() => expect(svg.querySelector('[data-kind="duplicate"]')).toBeNull(), WAIT);
    expect(screen.getByRole('list', { name: 'Legend' })).not.toHaveTextContent('Consumed again');
  });

  it('hides the messages\' own arrows on request, so the last 60 s show the registrations every 30 s', async () => {
    loadAt(writeReadScenario(), 75_000);
    render(<SpaceTimeTab />);
    const svg = await screen.findByTestId('spacetime-svg', {}, WAIT);
    fireEvent.change(screen.getByTestId('spacetime-window'), { target: { value: '60' } });
    await waitFor(() => expect(svg).toHaveAccessibleName('Space-time diagram from 0:15.000 to 1:15.000'), WAIT);
    await waitFor(() => expect(svg.querySelector('[data-kind="send"]')).not.toBeNull(), WAIT);
    const registrations = svg.querySelectorAll('[data-kind="register"]').length;
    fireEvent.click(screen.getByRole('checkbox', { name: 'Message traffic' }));
    for (const kind of ['send', 'result', 'pull', 'offset', 'replicate']) expect(svg.querySelector(`[data-kind="${kind}"]`), kind).toBeNull();
    // At 40 s and 70 s the broker registers with each NameServer: nothing of that is hidden.
    expect(svg.querySelectorAll('[data-kind="register"]')).toHaveLength(registrations);
    expect(registrations).toBe(4);
    expect(screen.getByRole('list', { name: /legend/i })).not.toHaveTextContent('Send (SEND_MESSAGE)');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Message traffic' }));
    expect(svg.querySelector('[data-kind="send"]')).not.toBeNull();
  });

  it('says beside the checkbox, not only in its tooltip, that unticking it leaves the registrations, heartbeats and route pulls, then to widen a short window', async () => {
    loadAt(writeReadScenario(), 75_000);
    render(<SpaceTimeTab />);
    await screen.findByTestId('spacetime-svg', {}, WAIT);
    const checkbox = screen.getByRole('checkbox', { name: 'Message traffic' });
    const tools = checkbox.closest('.rs-chart-tools')!;
    expect(tools).toHaveTextContent('Untick it to see only the registrations, heartbeats and route pulls.');
    fireEvent.click(checkbox);
    // Hidden in the 5 s window: the 30 s rounds need the 60 s one to come round twice.
    expect(tools).not.toHaveTextContent('Untick it');
    expect(tools).toHaveTextContent(/Choose the last 60\ss to see each of them come round again\./);
    fireEvent.change(screen.getByTestId('spacetime-window'), { target: { value: '60' } });
    expect(screen.queryByTestId('spacetime-messages-hint')).toBeNull();
    fireEvent.click(checkbox);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(tools).toHaveTextContent('取消勾选，可只看路由注册、心跳和路由拉取。');
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('cuts a long name to the label column, the whole name in its lane\'s tooltip', async () => {
    const scenario = writeReadScenario();
    const long = `c-${'消费者'.repeat(10)}`;
    scenario.consumers = [{ ...scenario.consumers[0]!, id: long }];
    loadAt(scenario, 30_000);
    render(<SpaceTimeTab />);
    const svg = await screen.findByTestId('spacetime-svg', {}, WAIT);
    const lane = svg.querySelector(`[data-lane="${long}"]`)!;
    expect(lane.querySelector('title')!.textContent).toBe(long);
    // The label column is about 90 px of 11 px type: c and - take about 1 em together, each Chinese character 1 em, the ellipsis 1 em.
    expect(lane.querySelector('text')!.textContent).toBe('c-消费者消费者…');
  });

  it('moves the playhead to the event of an arrow that is clicked', async () => {
    loadAt(writeReadScenario(), 30_000);
    render(<SpaceTimeTab />);
    const svg = await screen.findByTestId('spacetime-svg', {}, WAIT);
    fireEvent.change(screen.getByTestId('spacetime-window'), { target: { value: '20' } });
    await waitFor(() => expect(svg.querySelector('[data-kind="register"]')).not.toBeNull(), WAIT);
    const register = svg.querySelector('[data-kind="register"]')!;
    expect(register.querySelector('title')!.textContent).toMatch(/^Broker registration \(registerBrokerAll\): broker-a\/0 → ns-\d, 0:10\.0\d\d$/);
    act(() => {
      fireEvent.click(register);
    });
    const time = usePlayback.getState().timeMs;
    expect(time).toBeGreaterThanOrEqual(10_000);
    expect(time).toBeLessThan(10_100);
    await waitFor(() => expect(svg.querySelector('[data-kind="register"][data-current="true"]')).not.toBeNull(), WAIT);
  });

  it('says when the window holds nothing yet, and not once it does', async () => {
    loadAt(writeReadScenario(), 0);
    render(<SpaceTimeTab />);
    expect(await screen.findByTestId('spacetime-empty', {}, WAIT)).toHaveTextContent('Nothing in this window yet');
    act(() => usePlayback.getState().seek(15_000));
    await waitFor(() => expect(screen.queryByTestId('spacetime-empty')).toBeNull(), WAIT);
    expect(screen.getByTestId('spacetime-svg').querySelector('[data-kind="send"]')).not.toBeNull();
  });

  it('speaks Chinese', async () => {
    loadAt(writeReadScenario(), 5_000);
    usePlayback.getState().setLanguage('zh');
    render(<SpaceTimeTab />);
    expect(await screen.findByRole('heading', { name: '时空图' }, WAIT)).toBeInTheDocument();
    expect(screen.getByRole('list', { name: '图例' })).toHaveTextContent('Broker 路由注册（registerBrokerAll）');
  });
});

describe('SpaceTimeTab from the keyboard', () => {
  /** The strokes in the Tab order: exactly one, the roving stop. */
  function stops(svg: HTMLElement): Element[] {
    return [...svg.querySelectorAll('[role="button"]')].filter((element) => element.getAttribute('tabindex') === '0');
  }

  it('is one Tab stop whose arrow keys walk the events in time order, each named time first', async () => {
    loadAt(writeReadScenario(), 30_000);
    render(<SpaceTimeTab />);
    const svg = await screen.findByTestId('spacetime-svg', {}, WAIT);
    await waitFor(() => expect(svg.querySelector('[data-kind="send"]')).not.toBeNull(), WAIT);
    expect(svg).toHaveAttribute('role', 'group');
    const buttons = [...svg.querySelectorAll('[role="button"]')];
    expect(buttons.length).toBeGreaterThan(10);
    // The stop starts on the newest stroke, nearest the playhead.
    expect(stops(svg)).toHaveLength(1);
    const times = buttons.map((button) => button.getAttribute('aria-label')!.slice(0, 8));
    const newest = [...times].sort().at(-1)!;
    expect(stops(svg)[0]!.getAttribute('aria-label')!.startsWith(newest)).toBe(true);
    (stops(svg)[0] as SVGElement).focus();
    fireEvent.keyDown(svg, { key: 'Home' });
    const first = document.activeElement!;
    expect(stops(svg)).toEqual([first]);
    expect(first.getAttribute('aria-label')).toMatch(/^0:25\.\d{3} \S+ → \S+: .+|^0:25\.\d{3} \S+: .+/);
    fireEvent.keyDown(svg, { key: 'ArrowRight' });
    const second = document.activeElement!;
    expect(second).not.toBe(first);
    expect(second.getAttribute('aria-label')!.slice(0, 8) >= first.getAttribute('aria-label')!.slice(0, 8)).toBe(true);
    fireEvent.keyDown(svg, { key: 'ArrowLeft' });
    expect(document.activeElement).toBe(first);
  });

  it('moves the playhead to the focused event with Enter, and a send is named "time from → to: what"', async () => {
    loadAt(writeReadScenario(), 30_000);
    render(<SpaceTimeTab />);
    const svg = await screen.findByTestId('spacetime-svg', {}, WAIT);
    await waitFor(() => expect(svg.querySelector('[data-kind="send"]')).not.toBeNull(), WAIT);
    const send = svg.querySelector('[data-kind="send"]') as SVGElement;
    expect(send.getAttribute('aria-label')).toMatch(/^0:2\d\.\d{3} p-1 → broker-[ab]\/0: (\d+ × )?Send \(SEND_MESSAGE\)$/);
    act(() => send.focus());
    expect(stops(svg)).toEqual([send]);
    const at = send.getAttribute('aria-label')!.slice(0, 8);
    act(() => {
      fireEvent.keyDown(svg, { key: 'Enter' });
    });
    const [minutes, seconds] = at.split(':');
    expect(usePlayback.getState().timeMs).toBe(Number(minutes) * 60_000 + Math.round(Number(seconds) * 1_000));
    // Drawn again for the new time, the diagram keeps the focus on a stroke at or before that time.
    await waitFor(() => expect(svg.querySelector(`[data-kind="send"][data-current="true"]`)).not.toBeNull(), WAIT);
    await waitFor(() => expect(stops(svg)).toEqual([document.activeElement]), WAIT);
    expect(document.activeElement!.getAttribute('aria-label')! <= `${at}~`).toBe(true);
    // The page's own arrow shortcut (step one event) does not also fire: the key is taken.
    const before = usePlayback.getState().timeMs;
    const right = new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, cancelable: true });
    act(() => {
      (document.activeElement ?? svg).dispatchEvent(right);
    });
    expect(right.defaultPrevented).toBe(true);
    expect(usePlayback.getState().timeMs).toBe(before);
  });
});
