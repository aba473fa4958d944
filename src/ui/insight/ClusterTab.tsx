/** The first Insight tab: the cluster at the playhead, drawn (topology) and counted (queues). */
import { lazy, Suspense } from 'react';
import { TopologyPanel } from '../panels/TopologyPanel.tsx';
import { SubscriptionWarning } from '../panels/SubscriptionWarning.tsx';
import { OnScreenSlot } from '../on-screen.tsx';

/** The queue grid is fetched right after the first paint (the initial JavaScript budget). */
const QueuePanel = lazy(() => import('../panels/QueuePanel.tsx').then((module) => ({ default: module.QueuePanel })));

export function ClusterTab() {
  return (
    <>
      <SubscriptionWarning />
      <TopologyPanel className="rs-area-topology" />
      <OnScreenSlot><Suspense fallback={null}><QueuePanel className="rs-area-queues" /></Suspense></OnScreenSlot>
    </>
  );
}
