/**
 * Field builders for the scenario schema. Each carries the one message a person reads when the
 * value is wrong, so no zod default message ever reaches the screen.
 */
import { z } from 'zod/mini';
import { AUTO_CREATE_TOPIC_KEY_TOPIC, DLQ_GROUP_TOPIC_PREFIX, RETRY_GROUP_TOPIC_PREFIX, SCENARIO_BOUNDS, SCHEDULE_TOPIC } from '../model/defaults.ts';
import { isSplittable } from '../model/filter.ts';
import { PERM_PRIORITY } from '../model/perm.ts';
import { carried, codePoint, DIRECTION_CONTROL, integerRange, INVISIBLE, numberRange, oneOf, quote, says, unknownFields, type Said } from './messages.ts';

export function integer(min: number, max: number, note?: Said) {
  // A refinement rather than z.int(): the same verdict (the bounds keep values in the safe
  // integer range) without zod's number formats in the page's bundle. The bounds are skipped
  // after a fraction by `when`, not `abort`: an aborting issue would also stop the checks of the
  // object around the field (a topic's "cluster" with "brokers"), which then go unlisted.
  const whole = { when: (payload: { value: unknown }) => Number.isInteger(payload.value) };
  return z
    .number({ error: says(integerRange(min, max, note)) })
    .check(z.refine(Number.isInteger), z.refine((value) => value >= min && value <= max, whole));
}

export function decimal(min: number, max: number, note?: Said) {
  return z.number({ error: says(numberRange(min, max, note)) }).check(z.minimum(min), z.maximum(max));
}

/** Ids and names: non-empty, visible at both ends, and short enough to show in a panel. */
export function text(max: number = SCENARIO_BOUNDS.stringLength) {
  const rule = { en: `must be a non-empty string of at most ${max} characters`, zh: `必须是非空字符串，最多 ${max} 个字符` };
  return z.string({ error: says(rule) }).check(withoutHiddenCharacters(), z.minLength(1), withoutOuterWhitespace(), z.maxLength(max));
}

/** What String.prototype.trim removes: JavaScript's \s, the same set of characters. */
const OUTER_WHITESPACE = /^\s|\s$/;

/**
 * Whitespace at either end of a name shows as nothing, as an invisible character does: "p-1 " would
 * look like "p-1", and a name of whitespace only would show as no name at all. Whitespace inside a
 * name stays allowed: it shows between the characters around it. A tag so padded could not even be
 * subscribed to: FilterAPI.buildSubscriptionData trims each tag of an expression.
 */
export function withoutOuterWhitespace() {
  return z.refine<string>((value) => !OUTER_WHITESPACE.test(value), {
    error: (issue) => {
      const input = String(issue.input);
      if (input.trim() === '') {
        return carried({
          en: 'is only whitespace: the page would show no name at all; give it a visible name',
          zh: '只含空白字符：页面上会完全看不到这个名字；请给它一个看得见的名字',
        });
      }
      const where = outerEnds(input);
      return carried({
        en: `${where.en} with whitespace: ${quote(input)} would look like ${quote(input.trim())}, another name; remove it`,
        zh: `${where.zh}有空白字符：${quote(input)} 看起来会和另一个名字 ${quote(input.trim())} 一样；请删除它`,
      });
    },
  });
}

function outerEnds(value: string): Said {
  const starts = /^\s/.test(value);
  const ends = /\s$/.test(value);
  if (starts && ends) return { en: 'starts and ends', zh: '开头和结尾都' };
  return starts ? { en: 'starts', zh: '开头' } : { en: 'ends', zh: '结尾' };
}

/**
 * The page writes names into its own sentences (the narration, the event log, the scenario
 * picker's options): a direction control in a name, closed or not, would reverse the page's text
 * around it, and an invisible character would make two different names look the same. Any script
 * is fine (Arabic, Hebrew): Unicode's implicit reordering is how such a name reads, not a control
 * over the text after it.
 */
export function withoutHiddenCharacters() {
  // `abort`: the name's other rules (a topic's characters) would only say the same again.
  return z.refine<string>((value) => !DIRECTION_CONTROL.test(value) && !INVISIBLE.test(value), {
    abort: true,
    error: (issue) => {
      const input = String(issue.input);
      const control = DIRECTION_CONTROL.exec(input)?.[0];
      if (control !== undefined) {
        return carried({
          en: `contains ${codePoint(control)}, a Unicode direction control: it would reverse the page's text around the name; remove it`,
          zh: `含有 ${codePoint(control)}（Unicode 方向控制字符）：它会让页面上名字前后的文字反向显示；请删除它`,
        });
      }
      const code = codePoint(INVISIBLE.exec(input)?.[0] ?? '');
      return carried({
        en: `contains ${code}, an invisible character: the name would look like another that differs from it; remove it`,
        zh: `含有 ${code}（不可见字符）：这个名字看起来会和另一个不同的名字一样；请删除它`,
      });
    },
  });
}

/** Free text that may be empty. */
export function anyText(max: number) {
  return z.string({ error: says({ en: `must be a string of at most ${max} characters`, zh: `必须是字符串，最多 ${max} 个字符` }) }).check(z.maxLength(max));
}

export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: says(oneOf(values)) });
}

/**
 * Every member of the string union `T`, checked both ways by the compiler: a value outside `T`
 * or a member of `T` left out is a type error, so an enum here cannot drift from spec.ts.
 */
export function allOf<T extends string>() {
  return <const L extends readonly [T, ...T[]]>(values: L & ([T] extends [L[number]] ? unknown : never)): L => values;
}

export const TRUE_OR_FALSE: Said = { en: 'must be true or false', zh: '必须是 true 或 false' };
export const AN_OBJECT: Said = { en: 'must be an object ({ ... })', zh: '必须是对象（{ ... }）' };

/** An object that refuses unknown keys, naming them (with a suggestion for a likely typo). */
export function strict<S extends z.core.$ZodLooseShape>(shape: S) {
  const allowed = Object.keys(shape);
  const objectMessage = says(AN_OBJECT);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownFields(issue.keys, allowed) : objectMessage(issue)),
  });
}

/**
 * A list checked for its length before its items: an over-long list is refused at once
 * instead of producing one problem per item.
 */
export function bounded(max: number, what: Said, atLeastOne?: Said) {
  const array = z.array(z.unknown(), { error: says({ en: 'must be a list ([ ... ])', zh: '必须是列表（[ ... ]）' }) });
  const long = array.check(z.maxLength(max, { error: carried({ en: `at most ${max} ${what.en}`, zh: `最多 ${max} 个${what.zh}` }) }));
  return atLeastOne === undefined ? long : long.check(z.minLength(1, { error: carried(atLeastOne) }));
}

export function list<T extends z.ZodMiniType>(element: T, max: number, what: Said, atLeastOne?: Said) {
  return z.pipe(bounded(max, what, atLeastOne), z.array(element));
}

/** TopicValidator.VALID_PATTERN_STR: the characters RocketMQ allows in topic and group names. */
const TOPIC_OR_GROUP_CHARS = /^[%|a-zA-Z0-9_-]+$/;
const CHARS_RULE: Said = { en: 'letters, digits, %, |, _ and -', zh: '字母、数字、%、|、_ 和 -' };
/** TopicValidator.TOPIC_MAX_LENGTH. */
const TOPIC_MAX_LENGTH = 127;
/** Validators.CHARACTER_MAX_LENGTH: Validators.checkGroup allows 255 characters. */
const GROUP_MAX_LENGTH = 255;

/** A topic the scenario names: its own, so never named like a group's (groupTopicProblem). */
export function topicName() {
  const rule = {
    en: `must be 1 to ${TOPIC_MAX_LENGTH} characters among ${CHARS_RULE.en} (RocketMQ TopicValidator)`,
    zh: `必须是 1 到 ${TOPIC_MAX_LENGTH} 个字符，只能用${CHARS_RULE.zh}（RocketMQ TopicValidator）`,
  };
  return z.string({ error: says(rule) }).check(
    withoutHiddenCharacters(),
    // A name already wrong in its form is not told its prefix too: `abort` skips the checks after.
    z.minLength(1), z.maxLength(TOPIC_MAX_LENGTH, { abort: true }), z.regex(TOPIC_OR_GROUP_CHARS, { abort: true }),
    z.check<string>((ctx) => {
      const said = groupTopicProblem(ctx.value);
      if (said !== undefined) ctx.issues.push({ code: 'custom', input: ctx.value, message: carried(said) });
    }),
  );
}

/**
 * The broker makes `%RETRY%<group>` and `%DLQ%<group>` itself (MixAll.getRetryTopic,
 * getDLQTopic; TopicValidator.validateTopic takes any topic so named for one), and the run's
 * views and summary take every such topic for a group's: a topic of the scenario's own so named
 * would be counted as a group's dead letters and drawn nowhere.
 */
const GROUP_TOPICS = [
  { prefix: RETRY_GROUP_TOPIC_PREFIX, constant: 'RETRY_GROUP_TOPIC_PREFIX', what: { en: 'retry', zh: '重试' } },
  { prefix: DLQ_GROUP_TOPIC_PREFIX, constant: 'DLQ_GROUP_TOPIC_PREFIX', what: { en: 'dead-letter', zh: '死信' } },
] as const;

function groupTopicProblem(topic: string): Said | undefined {
  const named = GROUP_TOPICS.find(({ prefix }) => topic.startsWith(prefix));
  if (named === undefined) return undefined;
  const { prefix, constant, what } = named;
  return {
    en: `${quote(topic)} is named like a group's ${what.en} topic ("${prefix}<group>", MixAll.${constant}): the broker makes those itself for a group's retries and dead letters; give this topic another name`,
    zh: `${quote(topic)} 的名字像消费者组的${what.zh}主题（"${prefix}<group>"，MixAll.${constant}）：Broker 自己为消费者组的重试和死信创建这些主题；给这个主题换个名字`,
  };
}

/** TopicValidator.SYSTEM_TOPIC_SET, with its SYSTEM_TOPIC_PREFIX: the topics RocketMQ keeps for itself. */
const SYSTEM_TOPICS = new Set([
  AUTO_CREATE_TOPIC_KEY_TOPIC, SCHEDULE_TOPIC, 'BenchmarkTest', 'RMQ_SYS_TRANS_HALF_TOPIC', 'RMQ_SYS_TRACE_TOPIC', 'RMQ_SYS_TRANS_OP_HALF_TOPIC',
  'TRANS_CHECK_MAX_TIME_TOPIC', 'SELF_TEST_TOPIC', 'OFFSET_MOVED_EVENT', 'CHECKPOINT_TOPIC',
]);
const SYSTEM_TOPIC_PREFIX = 'rmq_sys_';

/** TopicValidator.NOT_ALLOWED_SEND_TOPIC_SET: the client refuses to send to these. */
const NOT_ALLOWED_SEND_TOPICS = new Set([SCHEDULE_TOPIC, 'RMQ_SYS_TRANS_HALF_TOPIC', 'RMQ_SYS_TRANS_OP_HALF_TOPIC', 'TRANS_CHECK_MAX_TIME_TOPIC', 'SELF_TEST_TOPIC', 'OFFSET_MOVED_EVENT']);

/** A topic the scenario creates (mqadmin updateTopic): AdminBrokerProcessor refuses RocketMQ's own (TopicValidator.isSystemTopic). */
export function createdTopicName() {
  return topicName().check(z.refine((topic) => !SYSTEM_TOPICS.has(topic) && !topic.startsWith(SYSTEM_TOPIC_PREFIX), {
    error: (issue) => {
      const topic = String(issue.input);
      const refusal = `"The topic[${topic}] is conflict with system topic."`;
      return carried({
        en: `${quote(topic)} is RocketMQ's own topic: updateTopic refuses it (${refusal}, AdminBrokerProcessor)`,
        zh: `${quote(topic)} 是 RocketMQ 自己的系统主题：updateTopic 拒绝创建它（${refusal}，AdminBrokerProcessor）`,
      });
    },
  }));
}

/** A topic a producer sends to: Validators.checkMessage refuses those of TopicValidator.NOT_ALLOWED_SEND_TOPIC_SET. */
export function sendTopicName() {
  return topicName().check(z.refine((topic) => !NOT_ALLOWED_SEND_TOPICS.has(topic), {
    error: (issue) => {
      const topic = String(issue.input);
      const refusal = `"Sending message to topic[${topic}] is forbidden."`;
      return carried({
        en: `the client refuses to send to ${quote(topic)} (${refusal}, Validators.isNotAllowedSendTopic)`,
        zh: `客户端拒绝向 ${quote(topic)} 发送消息（${refusal}，Validators.isNotAllowedSendTopic）`,
      });
    },
  }));
}

function groupName() {
  const rule = {
    en: `must be 1 to ${GROUP_MAX_LENGTH} characters among ${CHARS_RULE.en} (RocketMQ Validators.checkGroup)`,
    zh: `必须是 1 到 ${GROUP_MAX_LENGTH} 个字符，只能用${CHARS_RULE.zh}（RocketMQ Validators.checkGroup）`,
  };
  return z.string({ error: says(rule) }).check(withoutHiddenCharacters(), z.minLength(1), z.maxLength(GROUP_MAX_LENGTH), z.regex(TOPIC_OR_GROUP_CHARS));
}

/** A client's group, not the client's default (MixAll.DEFAULT_PRODUCER_GROUP, DEFAULT_CONSUMER_GROUP): checkConfig refuses it at start(). */
function clientGroupName(reserved: string, kind: 'producerGroup' | 'consumerGroup') {
  return groupName().check(z.refine((group) => group !== reserved, {
    error: carried({
      en: `the client refuses it at start() ("${kind} can not equal ${reserved}, please specify another one.", checkConfig)`,
      zh: `客户端在 start() 时拒绝它（"${kind} can not equal ${reserved}, please specify another one."，checkConfig）`,
    }),
  }));
}

export const producerGroupName = () => clientGroupName('DEFAULT_PRODUCER', 'producerGroup');
export const consumerGroupName = () => clientGroupName('DEFAULT_CONSUMER', 'consumerGroup');

/**
 * A consumer's tag expression: subscribe() throws for one made only of "||", and takes "" as "*"
 * (FilterAPI.buildSubscriptionData).
 */
export function subscriptionExpression() {
  return anyText(SCENARIO_BOUNDS.stringLength).check(withoutHiddenCharacters(), z.refine(isSplittable, {
    error: carried({
      en: 'RocketMQ refuses it in subscribe() ("subString split error", FilterAPI.buildSubscriptionData): give tags separated by "||", or "*" for all',
      zh: 'RocketMQ 在 subscribe() 中拒绝它（"subString split error"，FilterAPI.buildSubscriptionData）：写用 "||" 分隔的标签，或用 "*" 订阅全部',
    }),
  }));
}

/** Queues are written "brokerName:queueId" in routes and traces, so a broker name has no colon. */
export function brokerName() {
  const max = SCENARIO_BOUNDS.stringLength;
  const rule = {
    en: `must be 1 to ${max} characters without spaces or ":" (queues are written "brokerName:queueId")`,
    zh: `必须是 1 到 ${max} 个字符，不含空格和 ":"（队列写作 "brokerName:queueId"）`,
  };
  return z.string({ error: says(rule) }).check(withoutHiddenCharacters(), z.minLength(1), z.maxLength(max), z.regex(/^[^\s:]+$/));
}

export function queueRef() {
  return z
    .string({ error: says({ en: 'must be a queue written "brokerName:queueId", such as "broker-a:0"', zh: '必须是写作 "brokerName:queueId" 的队列，例如 "broker-a:0"' }) })
    .check(z.regex(/^[^\s:]+:(?:0|[1-9]\d{0,3})$/));
}

/** zod's own IPv4 pattern, as a plain string check: z.ipv4() would add a string format to the bundle. */
export function ipv4() {
  return z.string({ error: says({ en: 'must be a dotted IPv4 address such as 10.0.0.1', zh: '必须是点分 IPv4 地址，例如 10.0.0.1' }) }).check(z.regex(z.regexes.ipv4));
}

export function queueNums() {
  return integer(1, SCENARIO_BOUNDS.queuesPerTopicPerBroker);
}

/** PermName.isValid: 0 <= perm < PERM_PRIORITY. */
export function perm() {
  return integer(0, PERM_PRIORITY - 1, { en: 'PermName bits: 2 write, 4 read, 6 read and write', zh: 'PermName 位：2 可写，4 可读，6 可读可写' });
}

/** MixAll.MASTER_ID is 0; slaves are numbered from 1. */
export function brokerId() {
  return integer(0, 1023);
}

export function ratePerSec() {
  return decimal(0, SCENARIO_BOUNDS.ratePerSec, { en: 'messages per second', zh: '每秒消息数' });
}
