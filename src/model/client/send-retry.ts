/**
 * Whether a producer sends again after a failed attempt (DefaultMQProducerImpl.sendDefaultImpl), a
 * rule of its own: the page's captions read it too, without the producer's code.
 */
import type { SimConfig } from '../defaults.ts';
import { FAILURE_REASONS, RESPONSE_CODES, type ResponseCode, type SendFailedReason, type SendMode, type SendStatus } from '../vocabulary.ts';

/**
 * DefaultMQProducer.retryResponseCodes as 4.9.8 has it, less NO_BUYER_ID and NOT_IN_CURRENT_UNIT,
 * which no broker here answers. 5.3.3 adds SYSTEM_BUSY and GO_AWAY, which no broker here answers
 * to a send (a slave refuses a put with SERVICE_NOT_AVAILABLE; SYSTEM_BUSY answers pulls only):
 * one set serves both versions until a send can get either.
 */
const RETRY_RESPONSE_CODES: ReadonlySet<ResponseCode> = new Set(['TOPIC_NOT_EXIST', 'SERVICE_NOT_AVAILABLE', 'SYSTEM_ERROR', 'NO_PERMISSION']);
const ANSWERS: ReadonlySet<string> = new Set(RESPONSE_CODES);
const NO_ANSWER: ReadonlySet<string> = new Set(FAILURE_REASONS);

/**
 * Whether a send may try again after an attempt failed this way, while attempts and
 * sendMsgTimeout are left. SYNC (sendDefaultImpl's loop): after an error answer only for
 * retryResponseCodes (MQBrokerException), after anything else always. ASYNC makes one pass of that
 * loop; MQClientAPIImpl.sendMessageAsync tries again (onExceptionImpl with needRetry) only when no
 * answer came: an error answer, or a broker with no address in the route, goes to the callback's
 * onException.
 */
export function sendRetriesAfter(reason: SendFailedReason, mode: SendMode): boolean {
  if (mode === 'ASYNC') return NO_ANSWER.has(reason);
  return !ANSWERS.has(reason) || RETRY_RESPONSE_CODES.has(reason as ResponseCode);
}

/** A SendStatus other than SEND_OK: the attempt stored the message, but not as it was asked to (flushed, replicated). */
export function isNotOkStatus(reason: string): reason is Exclude<SendStatus, 'SEND_OK'> {
  return reason === 'FLUSH_DISK_TIMEOUT' || reason === 'FLUSH_SLAVE_TIMEOUT' || reason === 'SLAVE_NOT_AVAILABLE';
}

/** Whether a retry avoids the broker just tried: not with sendLatencyFaultEnable in 4.x (MQFaultStrategy 4.9.8 ignores lastBrokerName; fault-strategy.ts). */
export function retryAvoidsLastBroker(config: Pick<SimConfig, 'sendLatencyFaultEnable' | 'rocketmqVersion'>): boolean {
  return !(config.sendLatencyFaultEnable && config.rocketmqVersion === '4.x');
}

/** The setting that counts a send mode's retries: DefaultMQProducer.retryTimesWhenSendFailed (SYNC), retryTimesWhenSendAsyncFailed (ASYNC). */
export function retriesSetting(mode: Exclude<SendMode, 'ONEWAY'>): 'retryTimesWhenSendFailed' | 'retryTimesWhenSendAsyncFailed' {
  return mode === 'ASYNC' ? 'retryTimesWhenSendAsyncFailed' : 'retryTimesWhenSendFailed';
}

/** The attempts a send may make: one and its mode's retries; a ONEWAY send makes one (sendDefaultImpl's timesTotal). */
export function sendTimesTotal(config: Pick<SimConfig, 'retryTimesWhenSendFailed' | 'retryTimesWhenSendAsyncFailed'>, mode: SendMode): number {
  return mode === 'ONEWAY' ? 1 : 1 + config[retriesSetting(mode)];
}
