// @vitest-environment jsdom
/** The Space-time tab: a lane per process, the arrows the trace names, a click moving the playhead. */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { usePlayback } from '../../../src/store/playback.ts';
import { SpaceTimeTab } from '../../../src/ui/insight/space-time/SpaceTimeTab.tsx';
import { loadAt } from '../panels/load.ts';
import { writeReadScenario } from '../panels/scenarios.ts';

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

  it('speaks Chinese', async () => {
    loadAt(writeReadScenario(), 5_000);
    usePlayback.getState().setLanguage('zh');
    render(<SpaceTimeTab />);
    expect(await screen.findByRole('heading', { name: '时空图' }, WAIT)).toBeInTheDocument();
    expect(screen.getByRole('list', { name: '图例' })).toHaveTextContent('Broker 路由注册（registerBrokerAll）');
  });
});
