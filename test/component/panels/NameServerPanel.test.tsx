// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import type { TimelineAction } from '../../../src/model/spec.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { NameServerPanel } from '../../../src/ui/panels/NameServerPanel.tsx';
import { formatSeconds } from '../../../src/viz/format.ts';
import { loadAt } from './load.ts';
import { libraryScenario } from '../../support/library.ts';
import { consumerSpec, writeReadScenario } from './scenarios.ts';

/** The text as Testing Library reads it off the page: the no-break space between a value and its unit (viz/format.ts UNIT_SPACE) folded to a space. */
const asRead = (text: string) => text.replace(/\u00a0/g, ' ');

afterEach(cleanup);

const twoBrokers = (timeline: TimelineAction[] = []) =>
  writeReadScenario({ brokers: ['broker-a', 'broker-b'], timeline });

describe('NameServerPanel', () => {
  it("lists each NameServer's brokers with the time since their last registration", () => {
    const timeline = loadAt(twoBrokers(), 20_000);
    render(<NameServerPanel />);
    for (const nsId of ['ns-1', 'ns-2']) {
      const card = screen.getByTestId(`nameserver-${nsId}`);
      expect(within(card).getByText('up')).toBeInTheDocument();
      const live = Object.values(timeline.state.nameServers[nsId]!.brokerLiveTable);
      expect(live).toHaveLength(2);
      for (const info of live) {
        const row = within(card).getByTestId(`ns-broker-${nsId}-${info.brokerName}-${info.brokerId}`);
        expect(row).toHaveTextContent(asRead(formatSeconds(20_000 - info.lastUpdateTimestamp, 'en')));
        const meter = within(row).getByRole('meter');
        expect(meter).toHaveAttribute('aria-valuenow', String(info.lastUpdateTimestamp + 120_000 - 20_000));
        expect(meter).toHaveAttribute('aria-valuemax', '120000');
      }
      expect(within(card).getByTestId(`ns-route-${nsId}-TopicTest`)).toHaveTextContent('TopicTest: broker-a (W 8 / R 4), broker-b (W 8 / R 4)');
      const nextScan = timeline.state.nameServers[nsId]!.nextScanAt - 20_000;
      expect(within(card).getAllByText(asRead(`next scanNotActiveBroker in ${formatSeconds(nextScan, 'en')}`)).length).toBeGreaterThan(0);
    }
    expect(screen.getByTestId('ns-agreement')).toBeInTheDocument();
  });

  it('does not say the NameServers list the same brokers before any broker has registered: each says none is', () => {
    loadAt(twoBrokers(), 0);
    render(<NameServerPanel />);
    expect(screen.queryByTestId('ns-agreement')).toBeNull();
    expect(screen.getAllByText('No broker registered.')).toHaveLength(2);
  });

  it('names a perm other than RW- in a route: R-- on both NameServers after mqadmin wipeWritePerm -b broker-a, in both languages', () => {
    // "Taking a broker out of service": the wipe at 65 s changes each NameServer's QueueData (RouteInfoManager.operateWritePermOfBroker).
    loadAt(libraryScenario('broker-out-of-service'), 66_000);
    render(<NameServerPanel />);
    for (const nsId of ['ns-1', 'ns-2']) {
      expect(screen.getByTestId(`ns-route-${nsId}-TopicTest`)).toHaveTextContent('TopicTest: broker-a (W 4 / R 4, perm R--), broker-b (W 4 / R 4), broker-c (W 4 / R 4)');
    }
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('ns-route-ns-1-TopicTest')).toHaveTextContent('broker-a（写 4 / 读 4，perm R--）');
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('shows a crashed broker gone from both NameServers (its channels closed)', () => {
    const timeline = loadAt(twoBrokers([{ at: 30_000, action: 'crashBroker', target: 'broker-b' }]), 40_000);
    render(<NameServerPanel />);
    for (const nsId of ['ns-1', 'ns-2']) {
      expect(Object.keys(timeline.state.nameServers[nsId]!.brokerAddrTable)).toEqual(['broker-a']);
      const card = screen.getByTestId(`nameserver-${nsId}`);
      expect(within(card).getByTestId(`ns-broker-${nsId}-broker-a-0`)).toBeInTheDocument();
      expect(within(card).queryByTestId(`ns-broker-${nsId}-broker-b-0`)).toBeNull();
      expect(within(card).getByTestId(`ns-route-${nsId}-TopicTest`)).toHaveTextContent('TopicTest: broker-a (W 8 / R 4)');
    }
  });

  it('says so when the NameServers disagree: a link cut from one NameServer expires there only', () => {
    const scenario = twoBrokers([{ at: 5_000, action: 'partitionLink', target: 'broker-b', peer: 'ns-2' }]);
    const timeline = loadAt(scenario, 130_000);
    render(<NameServerPanel />);
    expect(Object.keys(timeline.state.nameServers['ns-1']!.brokerAddrTable).sort()).toEqual(['broker-a', 'broker-b']);
    expect(Object.keys(timeline.state.nameServers['ns-2']!.brokerAddrTable)).toEqual(['broker-a']);
    expect(screen.getByTestId('ns-disagreement')).toHaveTextContent('The NameServers disagree: ns-1 lists broker-b/0, ns-2 does not.');
  });

  it('names the system topics it leaves out of the routes, the ones there are: no TBW102 with autoCreateTopicEnable off, in English and Chinese', () => {
    loadAt(libraryScenario('create-topic-broker'), 33_000);
    render(<NameServerPanel />);
    expect(screen.getByTestId('ns-system-topics-ns-1')).toHaveTextContent(/^and 1 system topic \(%RETRY%CG_ORDER\)$/);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('ns-system-topics-ns-1')).toHaveTextContent(/^以及 1 个系统主题（%RETRY%CG_ORDER）$/);
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('names the first three system topics and says "…" (等) for the rest', () => {
    const scenario = writeReadScenario();
    const groups = ['CG_A', 'CG_B', 'CG_C'].map((group, i) => consumerSpec(`c-${group}`, 'TopicTest', group, i + 5));
    loadAt({ ...scenario, consumers: [...scenario.consumers, ...groups] }, 20_000);
    render(<NameServerPanel />);
    expect(screen.getByTestId('ns-system-topics-ns-1')).toHaveTextContent(/^and 5 system topics \(%RETRY%CG_A, %RETRY%CG_B, %RETRY%CG_C, …\)$/);
    act(() => usePlayback.getState().setLanguage('zh'));
    expect(screen.getByTestId('ns-system-topics-ns-1')).toHaveTextContent(/^以及 5 个系统主题（%RETRY%CG_A、%RETRY%CG_B、%RETRY%CG_C 等）$/);
    act(() => usePlayback.getState().setLanguage('en'));
  });

  it('in Chinese writes its durations in 秒, as the chapters\' captions do: no 「30 s」 beside 「每 30 秒」', () => {
    const timeline = loadAt(twoBrokers(), 20_000);
    render(<NameServerPanel />);
    act(() => usePlayback.getState().setLanguage('zh'));
    try {
      const note = screen.getByTestId('heartbeat-note').textContent ?? '';
      expect(note).toContain('每 30\u00a0秒向每个 NameServer 发送');
      expect(note).toContain('超过 120\u00a0秒时被剔除');
      const card = screen.getByTestId('nameserver-ns-1');
      const nextScan = timeline.state.nameServers['ns-1']!.nextScanAt - 20_000;
      expect(within(card).getAllByText(asRead(`${formatSeconds(nextScan, 'zh')}后执行下一次 scanNotActiveBroker`)).length).toBeGreaterThan(0);
      expect(formatSeconds(nextScan, 'zh')).toMatch(/^\d+\.\d\u00a0秒$/);
      // Every number with a unit in the panel: 秒 or 毫秒, never s or ms.
      expect(screen.getByTestId('nameserver-ns-1').closest('.rs-panel')?.textContent).not.toMatch(/\d ?m?s(?![a-zA-Z])/);
    } finally {
      act(() => usePlayback.getState().setLanguage('en'));
    }
  });

  it('marks a crashed NameServer down', () => {
    loadAt(twoBrokers([{ at: 10_000, action: 'crashNameServer', target: 'ns-2' }]), 20_000);
    render(<NameServerPanel />);
    const card = screen.getByTestId('nameserver-ns-2');
    expect(within(card).getByText('down')).toBeInTheDocument();
    expect(within(card).queryByRole('table')).toBeNull();
  });
});
