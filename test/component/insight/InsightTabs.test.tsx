// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIBRARY } from '../../../src/scenario/library/index.ts';
import { encodeLink } from '../../../src/scenario/link.ts';
import { FIRST_TAB, useInsight, type InsightTabId } from '../../../src/store/insight.ts';
import { usePage } from '../../../src/store/page.ts';
import { usePlayback } from '../../../src/store/playback.ts';
import { openFromHash } from '../../../src/ui/controls/session.ts';
import { currentLink } from '../../../src/ui/controls/url-sync.ts';
import { InsightTabs } from '../../../src/ui/insight/InsightTabs.tsx';
import { INSIGHT_TABS } from '../../../src/ui/insight/tabs.ts';

function linkWith(extra: Record<string, string>): string {
  const encoded = encodeLink(LIBRARY[0]!.scenario, 0, extra);
  if (!encoded.ok) throw new Error('cannot encode');
  return `#${encoded.fragment}`;
}

beforeEach(() => {
  usePlayback.setState({ language: 'en' });
  usePage.setState({ banner: null });
  useInsight.setState({ tab: FIRST_TAB, lookup: null });
  openFromHash('');
});
afterEach(cleanup);

describe('the Insight tabs', () => {
  it('are a tablist whose first tab, Cluster, shows the topology', async () => {
    render(<InsightTabs />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.textContent)).toEqual(INSIGHT_TABS.map((tab) => tab.label.en));
    expect(tabs[0]).toHaveTextContent('Cluster');
    expect(tabs[0]).toHaveAttribute('aria-selected', 'true');
    expect(tabs[0]).toHaveAttribute('tabindex', '0');
    for (const tab of tabs.slice(1)) expect(tab).toHaveAttribute('aria-selected', 'false');
    expect(screen.getByRole('tabpanel')).toHaveAccessibleName('Cluster');
    expect(await screen.findByTestId('topology-svg')).toBeInTheDocument();
  });

  it('are named in Chinese when the page is', () => {
    usePlayback.setState({ language: 'zh' });
    render(<InsightTabs />);
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(INSIGHT_TABS.map((tab) => tab.label.zh));
    expect(screen.getAllByRole('tab')[0]).toHaveTextContent('集群');
  });

  it('move with the arrow keys, Home and End, wrapping around, and open the tab they reach', () => {
    render(<InsightTabs />);
    const last = INSIGHT_TABS.length - 1;
    fireEvent.keyDown(screen.getAllByRole('tab')[0]!, { key: 'ArrowLeft' });
    expect(useInsight.getState().tab).toBe(INSIGHT_TABS[last]!.id);
    expect(screen.getAllByRole('tab')[last]).toHaveFocus();
    expect(screen.getAllByRole('tab')[last]).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(screen.getAllByRole('tab')[last]!, { key: 'ArrowRight' });
    expect(useInsight.getState().tab).toBe(FIRST_TAB);
    fireEvent.keyDown(screen.getAllByRole('tab')[0]!, { key: 'End' });
    expect(useInsight.getState().tab).toBe(INSIGHT_TABS[last]!.id);
    fireEvent.keyDown(screen.getAllByRole('tab')[last]!, { key: 'Home' });
    expect(useInsight.getState().tab).toBe(FIRST_TAB);
  });

  it('show the first tab for a tab the store does not know', () => {
    // A damaged state: the store's type allows no such id, the view still copes.
    useInsight.setState({ tab: 'no-such-view' as InsightTabId });
    render(<InsightTabs />);
    expect(screen.getAllByRole('tab')[0]).toHaveAttribute('aria-selected', 'true');
  });
});

describe('the open tab in the share link (v)', () => {
  it('is written only off the first tab, and opened from a link', async () => {
    expect(currentLink()).not.toMatch(/&v=/);
    const other = INSIGHT_TABS.at(-1)!.id;
    useInsight.getState().setTab(other);
    expect(currentLink()).toMatch(new RegExp(`&t=\\d+&v=${other}$`));
    useInsight.getState().setTab(FIRST_TAB);
    openFromHash(linkWith({ v: other }));
    await waitFor(() => expect(useInsight.getState().tab).toBe(other));
  });

  it('opens the first tab, without a banner, when v is unknown, damaged or absent', () => {
    for (const v of ['nonsense', '%E0%A4%A', '<script>', '__proto__', '']) {
      useInsight.setState({ tab: INSIGHT_TABS.at(-1)!.id });
      openFromHash(`${linkWith({})}&v=${v}`);
      expect(useInsight.getState().tab).toBe(FIRST_TAB);
      expect(usePage.getState().banner).toBeNull();
    }
  });
});
