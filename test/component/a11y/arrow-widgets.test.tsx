// @vitest-environment jsdom
/**
 * A focused widget that moves by the arrows keeps them: in a chapter a tab's → opens the next tab
 * and leaves the lesson's step alone; the RocketMQ version radios move and check by the arrows and
 * do not also step the run, and pass over a version the scenario cannot run as. Elsewhere the arrows
 * keep stepping.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findLibraryEntry } from '../../../src/scenario/library/index.ts';
import { useLesson } from '../../../src/store/lesson.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { startDriver } from '../../../src/ui/controls/driver.ts';
import { openSource } from '../../../src/ui/controls/session.ts';
import { Tabs } from '../../../src/ui/controls/Tabs.tsx';
import { LearnSlot } from '../../../src/ui/learn/LearnSlot.tsx';
import { NameServerPanel } from '../../../src/ui/panels/NameServerPanel.tsx';
import { loadAt } from '../panels/load.ts';
import { writeReadScenario } from '../panels/scenarios.ts';
import { renderControls, time } from '../shell/shell-harness.tsx';

const WAIT = { timeout: 10_000 };

function press(key: string, target: Element = document.activeElement ?? document.body): void {
  act(() => {
    fireEvent.keyDown(target, { key });
  });
}

/** Two views behind the page's own Tabs, as the insight and the editor have them. */
function TwoViews() {
  const [view, setView] = useState('cluster');
  return (
    <Tabs items={[{ id: 'cluster', label: 'Cluster' }, { id: 'dashboard', label: 'Dashboard' }]} selected={view} onSelect={setView}
      label="Views" classes={{ list: '', tab: '', panel: '' }} name="views">
      <p>{view}</p>
    </Tabs>
  );
}

afterEach(() => {
  cleanup();
  act(() => useLesson.getState().closeChapter());
  act(() => useLesson.getState().forgetLeftChapter());
  vi.unstubAllGlobals();
});

describe('in a chapter, the arrows on a focused widget', () => {
  beforeEach(async () => {
    vi.stubGlobal('matchMedia', (query: string) => ({ matches: query.includes('reduce'), media: query, addEventListener() {}, removeEventListener() {} }));
    usePlayback.setState({ language: 'en', playing: false, selection: null });
    render(<><LearnSlot /><TwoViews /></>);
    act(() => useLesson.getState().openChapter('basics', 0));
    await waitFor(() => expect(screen.getByTestId('chapter')).toHaveAttribute('data-arrived', 'true'), WAIT);
  });

  it('→ on a focused tab opens the next tab and leaves the lesson on its step', () => {
    const cluster = screen.getByTestId('views-tab-cluster');
    cluster.focus();
    press('ArrowRight');
    expect(screen.getByTestId('views-tab-dashboard')).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByTestId('views-tab-dashboard')).toHaveFocus();
    expect(useLesson.getState().step).toBe(0);
    expect(screen.getByTestId('step-progress')).toHaveTextContent('Step 1 of 7');
  });

  it('→ with focus on the page\'s body still goes to the next step', async () => {
    press('ArrowRight', document.body);
    await waitFor(() => expect(screen.getByTestId('step-progress')).toHaveTextContent('Step 2 of 7'), WAIT);
    expect(screen.getByTestId('views-tab-cluster')).toHaveAttribute('aria-selected', 'true');
  });
});

describe('the RocketMQ version radio group', () => {
  /** The rebuilt run comes back to 0:20 across frames, as on the page. */
  let stopDriver = () => {};
  const settled = () => waitFor(() => expect(usePlayback.getState().seekTarget).toBeNull(), WAIT);
  afterEach(() => stopDriver());
  beforeEach(() => {
    stopDriver = startDriver();
    loadAt(writeReadScenario(), 20_000);
    usePlayback.setState({ source: { ...writeReadScenario(), config: {} } });
    renderControls();
    render(<NameServerPanel />);
  });

  it('is one Tab stop, the checked radio', async () => {
    const v5 = await screen.findByTestId('version-5.x', {}, WAIT);
    expect(v5).toHaveAttribute('aria-checked', 'true');
    expect(v5).toHaveAttribute('tabindex', '0');
    expect(screen.getByTestId('version-4.x')).toHaveAttribute('tabindex', '-1');
  });

  it('← moves to 4.x and checks it, → back to 5.x; the run does not step', async () => {
    const v5 = await screen.findByTestId('version-5.x', {}, WAIT);
    v5.focus();
    press('ArrowLeft');
    await waitFor(() => expect(usePlayback.getState().scenario?.config.rocketmqVersion).toBe('4.x'), WAIT);
    await settled();
    const v4 = screen.getByTestId('version-4.x');
    expect(v4).toHaveFocus();
    expect(v4).toHaveAttribute('aria-checked', 'true');
    expect(v4).toHaveAttribute('tabindex', '0');
    expect(time()).toBe(20_000);
    // Round from the last to the first, as a radio group does.
    press('ArrowDown');
    await waitFor(() => expect(usePlayback.getState().scenario?.config.rocketmqVersion).toBe('5.x'), WAIT);
    await settled();
    expect(screen.getByTestId('version-5.x')).toHaveFocus();
    expect(time()).toBe(20_000);
  });

  it('arrows on a native radio are the browser\'s (they move the radio), not the run\'s', async () => {
    await screen.findByTestId('version-5.x', {}, WAIT);
    const radio = Object.assign(document.createElement('input'), { type: 'radio', name: 'r' });
    document.body.append(radio);
    for (const key of ['ArrowRight', 'ArrowDown']) press(key, radio);
    expect(time()).toBe(20_000);
    radio.remove();
  });

  it('the page\'s arrow shortcuts still step the run from elsewhere', async () => {
    await screen.findByTestId('version-5.x', {}, WAIT);
    press('ArrowRight', document.body);
    expect(time()).toBeGreaterThan(20_000);
  });
});

describe('the RocketMQ version radio group in controller mode (4.x unavailable)', () => {
  let stopDriver = () => {};
  afterEach(() => stopDriver());
  beforeEach(() => {
    stopDriver = startDriver();
    usePlayback.setState({ language: 'en', playing: false, selection: null });
    expect(openSource(structuredClone(findLibraryEntry('controller-failover')!.scenario), { atMs: 20_000 }).ok).toBe(true);
    renderControls();
    render(<NameServerPanel />);
  });

  it('the arrows pass over 4.x: 5.x keeps the check and the focus, and the run does not step', async () => {
    const v5 = await screen.findByTestId('version-5.x', {}, WAIT);
    await waitFor(() => expect(usePlayback.getState().seekTarget).toBeNull(), WAIT);
    const at = time();
    v5.focus();
    for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']) {
      press(key);
      expect(v5).toHaveFocus();
      expect(v5).toHaveAttribute('aria-checked', 'true');
    }
    expect(screen.getByTestId('version-4.x')).toHaveAttribute('tabindex', '-1');
    expect(usePlayback.getState().scenario?.config.rocketmqVersion).toBe('5.x');
    expect(time()).toBe(at);
  });
});
