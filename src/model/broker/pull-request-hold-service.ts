/**
 * PullRequestHoldService: a pull that finds nothing is parked (long polling) until a message
 * arrives for its queue or its suspend time runs out; the service re-checks every 5 s. A woken
 * pull is processed anew (PullMessageProcessor.executeRequestWhenWakeup), its checks included.
 */
import { buildSubscriptionData, isMatchedByConsumeQueue } from '../filter.ts';
import { reply } from '../remoting.ts';
import type { RequestOf } from '../remoting-types.ts';
import type { Sim } from '../sim-types.ts';
import type { BrokerState, HeldPull, ModelState } from '../state.ts';
import { pullAnswered } from './broker-stats.ts';
import { wroteToClient } from './client-channel-idle.ts';
import { noteSkipped } from './group-subscription.ts';
import { pullRefusal } from './pull-refusal.ts';
import { getMessage } from './message-store.ts';
import { topicQueueKey } from './queue-keys.ts';

type PullRequest = RequestOf<'PULL_MESSAGE'>;

/** Parks a pull, with the expression the broker filters by (the group's, which may differ from the request's). */
export function holdPullRequest(state: ModelState, broker: BrokerState, node: string, rpcId: number, request: PullRequest, subscription: string, sim: Sim): void {
  const suspend = state.config.longPollingEnable ? request.suspendTimeoutMs : state.config.shortPollingTimeMs;
  const key = topicQueueKey(request.topic, request.queueId);
  // Frozen: it never changes while parked, so a Timeline's checkpoints share it instead of copying it.
  const hold: HeldPull = Object.freeze({
    rpcId, node, group: request.group, topic: request.topic, queueId: request.queueId,
    queueOffset: request.queueOffset, subscription, expiresAt: sim.now + suspend,
  });
  // A queue's list is frozen and replaced when it changes (checkpoints share it); most queues hold one pull at a time.
  const holds = broker.pullHolds[key];
  broker.pullHolds[key] = Object.freeze(holds ? [...holds, hold] : [hold]);
}

/**
 * Answers a parked pull if it now finds messages, or must give up; returns whether it did. Woken,
 * it is processed anew: refused if its topic became unreadable or its queue id illegal meanwhile.
 * `tagsCode` is the arriving message's: notifyMessageArriving wakes only the pulls whose filter it
 * matches (isMatchedByConsumeQueue), and keeps the others until their time is up or the 5 s check,
 * which passes none and so matches every pull with something new.
 */
function tryWake(state: ModelState, broker: BrokerState, hold: HeldPull, tagsCode: number | null, sim: Sim): boolean {
  const giveUp = sim.now >= hold.expiresAt;
  const subscription = buildSubscriptionData(hold.subscription);
  if (!giveUp && !isMatchedByConsumeQueue(subscription, tagsCode)) return false;
  const found = getMessage(broker, hold.topic, hold.queueId, hold.queueOffset, state.config.pullBatchSize, subscription);
  if (found.messages.length === 0 && !giveUp && found.nextBeginOffset === hold.queueOffset) return false;
  const refusal = pullRefusal(state, broker.topicConfigTable[hold.topic], hold);
  // executeRequestWhenWakeup writes the answer into the pull's channel: activity there, whether
  // or not the consumer still reads (client-channel-idle.ts).
  wroteToClient(broker, hold.node, sim.now);
  if (refusal) {
    reply(sim, broker.node, hold.node, hold.rpcId, refusal);
    return true;
  }
  if (found.nextBeginOffset !== hold.queueOffset) noteSkipped(state, broker, hold, hold.subscription, found.nextBeginOffset, sim);
  reply(sim, broker.node, hold.node, hold.rpcId, found.messages.length > 0
    ? { code: 'SUCCESS', messages: pullAnswered(broker, hold.group, hold.topic, found.messages), nextBeginOffset: found.nextBeginOffset, maxOffset: found.maxOffset }
    : { code: 'PULL_NOT_FOUND', nextBeginOffset: found.nextBeginOffset, maxOffset: found.maxOffset });
  return true;
}

/** The message-arrival listener (ReputMessageService's NotifyMessageArrivingListener): wake the pulls parked on this queue that the message matches. */
export function notifyMessageArriving(state: ModelState, broker: BrokerState, topic: string, queueId: number, tagsCode: number, sim: Sim): void {
  const key = topicQueueKey(topic, queueId);
  const holds = broker.pullHolds[key];
  if (holds) wakeHolds(state, broker, key, holds, tagsCode, sim);
}

/**
 * Answers the pulls of one queue that can be answered now, or that have waited out their suspend
 * time, and keeps the others: this runs for every stored message (its `tagsCode`) and at every
 * check (null). The list is replaced only when a pull was answered.
 */
function wakeHolds(state: ModelState, broker: BrokerState, key: string, holds: readonly HeldPull[], tagsCode: number | null, sim: Sim): void {
  let answered = false;
  let kept: HeldPull[] | null = null;
  for (let i = 0; i < holds.length; i++) {
    const hold = holds[i]!;
    if (!tryWake(state, broker, hold, tagsCode, sim)) {
      if (answered) (kept ??= []).push(hold);
    } else if (!answered) {
      answered = true;
      if (i > 0) kept = holds.slice(0, i);
    }
  }
  if (!answered) return;
  if (kept === null) delete broker.pullHolds[key];
  else broker.pullHolds[key] = Object.freeze(kept);
}

/** checkHoldRequest, every 5 s (or shortPollingTimeMills): answer what has expired. */
export function onPullHoldCheck(state: ModelState, event: { broker: string; epoch: number }, sim: Sim): void {
  const broker = state.brokers[event.broker];
  if (!broker || broker.status !== 'running' || broker.epoch !== event.epoch) return;
  for (const [key, holds] of Object.entries(broker.pullHolds)) wakeHolds(state, broker, key, holds, null, sim);
  const period = state.config.longPollingEnable ? state.config.pullRequestHoldCheckMs : state.config.shortPollingTimeMs;
  broker.nextPullHoldCheckAt = sim.now + period;
  sim.after(period, { kind: 'broker.pullHoldCheck', broker: broker.node, epoch: broker.epoch });
}
