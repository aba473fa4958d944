/** TBW102, SCHEDULE_TOPIC_XXXX, %RETRY%<group> and %DLQ%<group> (TopicValidator, MixAll): left out of the teaching panels. */
const SYSTEM_TOPIC = /^(TBW102$|SCHEDULE_TOPIC_XXXX$|%RETRY%|%DLQ%)/;

export function isSystemTopic(topic: string): boolean {
  return SYSTEM_TOPIC.test(topic);
}
