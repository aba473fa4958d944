/** The brokers' nodes for sentences about old events: the master changes up to the playhead come from where the run lives. */
import { brokerNodeNames, DECLARED_NAMES, type BrokerNodeNames } from './broker-node-names.ts';
import { useSimQuery } from './use-sim-query.ts';
import { LOG_REFRESH, useSimView, type SimViewOptions } from './use-sim.ts';

export function useBrokerNodeNames(options: SimViewOptions = LOG_REFRESH): BrokerNodeNames {
  const view = useSimView(options);
  const controllerMode = view?.timeline.scenario.config.enableControllerMode === true;
  const changes = useSimQuery('masterChanges', controllerMode ? {} : null, options).data;
  return view ? brokerNodeNames(view.timeline.state, changes) : DECLARED_NAMES;
}
