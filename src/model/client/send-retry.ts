/**
 * Whether a producer sends again after a failed attempt (DefaultMQProducerImpl.sendDefaultImpl), a
 * rule of its own: the page's captions read it too, without the producer's code.
 */
import type { SimConfig } from '../defaults.ts';
import { RESPONSE_CODES, type ResponseCode, type SendFailedReason, type SendMode } from '../vocabulary.ts';

/** DefaultMQProducer.retryResponseCodes (5.x). */
const RETRY_RESPONSE_CODES: ReadonlySet<ResponseCode> = new Set(['TOPIC_NOT_EXIST', 'SERVICE_NOT_AVAILABLE', 'SYSTEM_ERROR', 'NO_PERMISSION']);
const ANSWERS: ReadonlySet<string> = new Set(RESPONSE_CODES);

/**
 * Whether sendDefaultImpl may try again after an attempt failed this way: after an error answer
 * only for retryResponseCodes (MQBrokerException), after no answer or a retried store status
 * always, while attempts and sendMsgTimeout are left.
 */
export function sendRetriesAfter(reason: SendFailedReason): boolean {
  return !ANSWERS.has(reason) || RETRY_RESPONSE_CODES.has(reason as ResponseCode);
}

/** The setting that counts a send mode's retries: DefaultMQProducer.retryTimesWhenSendFailed (SYNC), retryTimesWhenSendAsyncFailed (ASYNC). */
export function retriesSetting(mode: Exclude<SendMode, 'ONEWAY'>): 'retryTimesWhenSendFailed' | 'retryTimesWhenSendAsyncFailed' {
  return mode === 'ASYNC' ? 'retryTimesWhenSendAsyncFailed' : 'retryTimesWhenSendFailed';
}

/** The attempts a send may make: one and its mode's retries; a ONEWAY send makes one (sendDefaultImpl's timesTotal). */
export function sendTimesTotal(config: Pick<SimConfig, 'retryTimesWhenSendFailed' | 'retryTimesWhenSendAsyncFailed'>, mode: SendMode): number {
  return mode === 'ONEWAY' ? 1 : 1 + config[retriesSetting(mode)];
}
