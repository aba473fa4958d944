/** Where the panels go: a scenario's focus (its JSON's `focus`) comes first. */
import { isBrokerFault, type FocusPanel, type TimelineAction } from '../sim/index.ts';

export type SidePanel = 'nameServers' | 'inspector' | 'log' | 'failover';
const SIDE_PANELS: SidePanel[] = ['nameServers', 'inspector', 'log', 'failover'];

/**
 * The side column, the panels the scenario names as its focus first (so they are on screen
 * without scrolling), then the others in their usual order. While a process is selected (clicked
 * in the topology) its details come first of all, where the click can be seen to have answered.
 * Once a broker has failed (`faulted`), the failover record (who noticed, when, by which rule, at
 * what cost) comes next, in every scenario: under a focus that named other panels it sat below the
 * NameServers and the log, some 1,800 px down, away from the fault's marks it speaks of.
 * The main column always opens with the topology, whose brokers draw their queues.
 */
export function sideOrder(focus: readonly FocusPanel[], inspecting = false, faulted = false): SidePanel[] {
  // A Set keeps each panel where it first comes.
  return [...new Set<SidePanel>([...(inspecting ? ['inspector' as const] : []), ...(faulted ? ['failover' as const] : []), ...SIDE_PANELS.filter((name) => focus.includes(name)), ...SIDE_PANELS])];
}

/**
 * When the timeline's first broker fault comes (a crash, a power loss, a partition or a shutdown:
 * the faults the failover record follows, src/model/detections.ts), or never.
 */
export function firstFaultAt(timeline: readonly TimelineAction[] = []): number {
  return Math.min(...timeline.filter((action) => isBrokerFault(action.action)).map((action) => action.at));
}
