/** TBW102, SCHEDULE_TOPIC_XXXX, %RETRY%<group> and %DLQ%<group> (TopicValidator, MixAll): RocketMQ's own topics, left out of the teaching views and of the consumer progress they show. */
const SYSTEM_TOPIC = /^(TBW102$|SCHEDULE_TOPIC_XXXX$|%RETRY%|%DLQ%)/;

export function isSystemTopic(topic: string): boolean {
  return SYSTEM_TOPIC.test(topic);
}
