/**
 * A step about one table of a NameServer's inspector (chapter 5: the topicQueueTable the topic's
 * creation filled, RouteInfoManager.topicQueueTable) brings that table into view: in a 1280x800
 * window it starts at the window's foot under brokerAddrTable and brokerLiveTable, its rows below
 * it, so the caption's "the NameServers now have TopicOrder's route" had nothing to show. The least
 * scroll that shows the table keeps the NameServer's box on the canvas in sight (it sits high on
 * the canvas). Followed while the inspector settles, until the person acts or the step changes
 * (follow-part.ts), as use-broker-module.ts follows a module of a broker's inspector; only where
 * the lesson box is stuck under the playback bar, and not while presenting (the same reasons).
 */
import type { RefObject } from 'react';
import type { NameServerTable } from './chapter.ts';
import { bringInspectorBoxIntoView } from '../panels/inspector-box.ts';
import { useInspectorPart } from './use-broker-module.ts';
import { LESSON_GAP } from './lesson-in-view.ts';

/** Scrolls the page the least that shows the table below the stuck lesson box and the inspector's stuck title (inspector-box.ts). */
function bringTableIntoView(root: ParentNode, table: NameServerTable): boolean {
  // The table's scroll area, its caption (the table's name) and headings included (DataTable.tsx).
  const box = root.querySelector<HTMLElement>(`[data-testid="${table}"]`);
  if (!box) return false;
  bringInspectorBoxIntoView(box, LESSON_GAP);
  return true;
}

export function useInspectorTable(lesson: RefObject<HTMLElement | null>, arrived: boolean, table: NameServerTable | undefined, step = 0): void {
  useInspectorPart(lesson, arrived, table, bringTableIntoView, step);
}
