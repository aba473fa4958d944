/**
 * A trace event names a broker `brokerName/brokerId` as it was then; the canvas draws nodes (the
 * scenario's ids). After a controller election the two differ (broker-a/1 registers as brokerId
 * 0, broker-a/0 comes back as brokerId 1), so every sentence names the node as drawn, found with
 * the run's master changes (the named query masterChanges, src/sim/trace-broker-node.ts; asked by
 * use-broker-node-names.ts, apart from this file so that the caption's first load stays free of
 * the queries).
 */
import { brokerRoles, STALE, traceBrokerNode, type BrokerNodeTable, type MasterChange, type ModelState } from '../sim/index.ts';
import type { Language } from '../scenario/language.ts';
import { inLanguage, type Bilingual } from './i18n/index.ts';

/** The node that was `${broker}/${brokerId}` at time `at`, and whether it is its group's master now. */
export interface BrokerNodeNames {
  /** `stale` for an event only a replaced master makes (see traceBrokerNode). */
  node: (broker: string, brokerId: number, at: number, stale?: boolean) => string;
  /** True when the node is master now but was not declared master: "(now master)" helps there. */
  electedMaster: (node: string) => boolean;
  /** Equal keys name every broker alike: a row drawn with one needs no new drawing for the other. */
  key: string;
}

/** Names as the scenario declares them: what a run without controller mode always has. */
export const DECLARED_NAMES: BrokerNodeNames = { node: (broker, brokerId) => `${broker}/${brokerId}`, electedMaster: () => false, key: '' };

/**
 * Names from the state at the playhead and the master changes up to it. Before the changes have
 * arrived, brokerId 0 is the master at the playhead (right for the latest events).
 */
export function brokerNodeNames(state: Readonly<ModelState>, changes: readonly MasterChange[] | undefined): BrokerNodeNames {
  if (!state.config.enableControllerMode) return DECLARED_NAMES;
  const roles = brokerRoles(state);
  return {
    node: (broker, brokerId, at, stale = false) => (changes === undefined && !stale ? roles.node[`${broker}/${brokerId}`] : undefined)
      ?? traceBrokerNode(state, changes ?? [], broker, brokerId, at, stale),
    // A node's id is `${brokerName}/${declared brokerId}` (src/model/index.ts).
    electedMaster: (node) => roles.role[node] === 'master' && !node.endsWith('/0'),
    key: JSON.stringify([changes ?? null, roles.node, roles.role]),
  };
}

/**
 * Names from a query's table of one moment of a run (a what-if's runs are not the page's: their
 * elections are their own). Every event named there is of that moment, so the time is not asked.
 */
export function tableNames(table: BrokerNodeTable | null): BrokerNodeNames {
  if (!table) return DECLARED_NAMES;
  return {
    node: (broker, brokerId, _at, stale = false) => table.nodes[`${broker}/${brokerId}${stale && brokerId === 0 ? STALE : ''}`] ?? `${broker}/${brokerId}`,
    electedMaster: (node) => table.electedMasters.includes(node),
    key: JSON.stringify(table),
  };
}

const NOW_MASTER: Bilingual<string> = { en: ' (now master)', zh: '（现为 Master）' };

/** An event's broker as drawnNode names it, in the page's language: what a view passes down. */
export type NodeNamer = (e: { t: number; broker: string }, brokerId: number, stale?: boolean) => string;

/**
 * An event's broker as the canvas draws it, saying "(now master)" when the event names it as a
 * master (brokerId 0) and an election made it one: its id alone would read as a slave's.
 */
export function drawnNode(names: BrokerNodeNames, language: Language, e: { t: number; broker: string }, brokerId: number, stale = false): string {
  const node = names.node(e.broker, brokerId, e.t, stale);
  return brokerId === 0 && !stale && names.electedMaster(node) ? `${node}${inLanguage(NOW_MASTER, language)}` : node;
}
