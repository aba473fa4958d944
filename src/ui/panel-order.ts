/** Where the panels go: a scenario's focus (its JSON's `focus`) comes first. */
import type { FocusPanel } from '../sim/index.ts';

export type SidePanel = 'nameServers' | 'inspector' | 'log' | 'failover';
const SIDE_PANELS: SidePanel[] = ['nameServers', 'inspector', 'log', 'failover'];

/**
 * The side column, the panels the scenario names as its focus first (so they are on screen
 * without scrolling), then the others in their usual order. While a process is selected (clicked
 * in the topology) its details come first of all, where the click can be seen to have answered.
 * The main column always opens with the topology, whose brokers draw their queues.
 */
export function sideOrder(focus: readonly FocusPanel[], inspecting = false): SidePanel[] {
  const focused = SIDE_PANELS.filter((name) => focus.includes(name));
  const first: SidePanel[] = inspecting ? ['inspector', ...focused.filter((name) => name !== 'inspector')] : focused;
  return [...first, ...SIDE_PANELS.filter((name) => !first.includes(name))];
}
