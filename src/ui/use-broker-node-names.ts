/** The brokers' nodes for sentences about old events: the master changes up to the playhead come from where the run lives. */
import { useState } from 'react';
import { brokerNodeNames, DECLARED_NAMES, type BrokerNodeNames } from './broker-node-names.ts';
import { useSimQuery } from './use-sim-query.ts';
import { LOG_REFRESH, useSimView, type SimViewOptions } from './use-sim.ts';

interface BrokerNodeNamesAnswer {
  names: BrokerNodeNames;
  /** Whether the master changes up to the shown time are still to come (a panel is not at rest). */
  pending: boolean;
}

export function useBrokerNodeNamesAnswer(options: SimViewOptions = LOG_REFRESH): BrokerNodeNamesAnswer {
  const view = useSimView(options);
  const controllerMode = view?.timeline.scenario.config.enableControllerMode === true;
  const { data: changes, pending } = useSimQuery('masterChanges', controllerMode ? {} : null, options);
  const names = useSteadyNames(view ? brokerNodeNames(view.timeline.state, changes) : DECLARED_NAMES);
  return { names, pending: controllerMode && pending };
}

/** The names of an earlier render while the new ones name every broker alike (equal keys): memos on them (a log's sentence context) then hold. */
function useSteadyNames(names: BrokerNodeNames): BrokerNodeNames {
  const [kept, keep] = useState(names);
  if (kept.key === names.key) return kept;
  keep(names);
  return names;
}

export function useBrokerNodeNames(options: SimViewOptions = LOG_REFRESH): BrokerNodeNames {
  return useBrokerNodeNamesAnswer(options).names;
}
