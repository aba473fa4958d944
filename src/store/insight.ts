/**
 * What the person chose in the Insight views: the open tab (carried by the share link as `v`),
 * the message the Message tab follows, and the topic whose queues the topology draws (a chapter's
 * step picks it too). Kept apart from the playback store: it moves no time. The Message tab's
 * questions and the canvas's topic belong to the run they were asked of: a new scenario starts
 * without them (`forgetQueries`, when the playback store's `lineage` moves), while the open tab stays.
 */
import { create } from 'zustand';
import type { MessageLifeArgs } from '../sim/queries/message-life.ts';
import type { MessagesByTopicArgs } from '../sim/queries/messages-by-topic.ts';
import { usePlayback } from './playback.ts';

/**
 * The Insight views' ids, in tab order (ui/insight/tabs.ts gives each its label and view, and does
 * not compile without one for each). Stable: the share link carries the open one (`v`,
 * docs/links.md). Lowercase letters and dashes.
 */
export const INSIGHT_TAB_IDS = ['cluster', 'dashboard', 'message', 'diagnostics', 'charts', 'spacetime', 'whatif'] as const;

export type InsightTabId = (typeof INSIGHT_TAB_IDS)[number];

/** How a message is looked up: RocketMQ's three ways (msgId, offsetMsgId, or a key through the index). */
export type MessageLookup = MessageLifeArgs;

interface InsightState {
  /** The open tab. */
  tab: InsightTabId;
  /** The message the Message tab shows; null until one is asked for. */
  lookup: MessageLookup | null;
  /** The Message tab's query by topic and store time; null until one is asked for. */
  topicQuery: MessagesByTopicArgs | null;
  /** The topic whose queues the topology draws; null for the default one (defaultTopic). */
  canvasTopic: string | null;
  setTab(tab: InsightTabId): void;
  /** Opens the Message tab on one message (the message card's "Follow its whole life"). */
  followMessage(lookup: MessageLookup): void;
  setLookup(lookup: MessageLookup | null): void;
  setTopicQuery(query: MessagesByTopicArgs | null): void;
  setCanvasTopic(topic: string | null): void;
  /** Drops the Message tab's lookup and query by topic, and the canvas's topic: another scenario has other messages and topics. */
  forgetQueries(): void;
}

/** The tab a page opens on, and a link without `v`. */
export const FIRST_TAB: InsightTabId = INSIGHT_TAB_IDS[0];

export const useInsight = create<InsightState>()((set) => ({
  tab: FIRST_TAB,
  lookup: null,
  topicQuery: null,
  canvasTopic: null,
  setTab(tab) {
    set({ tab });
  },
  followMessage(lookup) {
    set({ tab: 'message', lookup });
  },
  setLookup(lookup) {
    set({ lookup });
  },
  setTopicQuery(topicQuery) {
    set({ topicQuery });
  },
  setCanvasTopic(canvasTopic) {
    set({ canvasTopic });
  },
  forgetQueries() {
    set({ lookup: null, topicQuery: null, canvasTopic: null });
  },
}));

// Another scenario (not an edit of this one, which keeps `lineage`) has other messages and topics,
// whoever loaded it; a link that carries its own query sets it after the load (controls/session.ts).
usePlayback.subscribe((state, previous) => {
  if (state.lineage !== previous.lineage) useInsight.getState().forgetQueries();
});
