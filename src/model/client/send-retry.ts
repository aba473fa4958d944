/**
 * Whether a producer sends again after a failed attempt (DefaultMQProducerImpl.sendDefaultImpl), a
 * rule of its own: the page's captions read it too, without the producer's code.
 */
import { RESPONSE_CODES, type ResponseCode, type SendFailedReason } from '../vocabulary.ts';

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
