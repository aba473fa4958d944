/**
 * Where SendMessageProcessor takes a failed message: its two tests, one for each way a message comes
 * back (consumerSendMsgBack, and handleRetryAndDLQ for the client's own producer's send), shared by
 * the broker that applies them and the consumer's trace that foresees them (consume-service.ts).
 */
import type { ModelState, StoredMessage } from '../state.ts';

/**
 * SendMessageProcessor.handleRetryAndDLQ's test of a send to %RETRY%<group>: its RECONSUME_TIME
 * (the consumer's reconsumeTimes + 1, send-back-fallback.ts) against MAX_RECONSUME_TIMES. 4.9.8
 * dead-letters it at the maximum, so one failure earlier than consumerSendMsgBack does; 5.x only
 * past it, as consumerSendMsgBack does.
 */
export function retryToDlq(state: ModelState, reconsumeTime: number, maxReconsumeTimes: number): boolean {
  return state.config.rocketmqVersion === '4.x' ? reconsumeTime >= maxReconsumeTimes : reconsumeTime > maxReconsumeTimes;
}

/**
 * consumerSendMsgBack's verdict on the copy it looked up: %DLQ%<group> once its reconsumeTimes
 * reached maxReconsumeTimes (or the consumer asked with a negative level), else %RETRY%<group>.
 */
export function sendBackToDlq(stored: StoredMessage, maxReconsumeTimes: number, delayLevel: number): boolean {
  return stored.reconsumeTimes >= maxReconsumeTimes || delayLevel < 0;
}
