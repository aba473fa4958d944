/**
 * PullMessageProcessor.processRequest's checks of the topic before it reads: run on a pull's
 * arrival, and again when PullRequestHoldService wakes a parked pull (executeRequestWhenWakeup
 * runs processRequest anew), so a topic made unreadable while a pull waited refuses it then.
 */
import { isReadable } from '../perm.ts';
import type { RemotingResponse } from '../remoting-types.ts';
import type { ModelState, TopicConfig } from '../state.ts';

/** The broker's answer when the pull is refused, or null. */
export function pullRefusal(state: ModelState, config: TopicConfig | undefined, pull: { topic: string; queueId: number }): RemotingResponse | null {
  if (!config) return { code: 'TOPIC_NOT_EXIST', remark: `topic[${pull.topic}] not exist` };
  if (!isReadable(config.perm)) return { code: 'NO_PERMISSION', remark: `the topic[${pull.topic}] pulling message is forbidden` };
  // Queue ids at or above readQueueNums are illegal: SYSTEM_ERROR until 5.3.1, INVALID_PARAMETER from 5.3.2.
  if (pull.queueId < 0 || pull.queueId >= config.readQueueNums) {
    const code = state.config.rocketmqVersion === '4.x' ? 'SYSTEM_ERROR' : 'INVALID_PARAMETER';
    return { code, remark: `queueId[${pull.queueId}] is illegal, topic:[${pull.topic}] topicConfig.readQueueNums:[${config.readQueueNums}]` };
  }
  return null;
}
