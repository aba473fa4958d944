/**
 * The captions in English: what an event means, in plain words, with the run's own numbers.
 * RocketMQ's names stay as they are (CommitLog, ConsumeQueue, readQueueNums ...).
 */
import { faultSubject, isNotOkStatus, retryAvoidsLastBroker, PRODUCER_CHANNEL_EXPIRED_TIMEOUT_MS, RETRY_GROUP_TOPIC_PREFIX, perm2String, registerNameServerPeriod, sendRetriesAfter, type RequestCode, type SendFailedReason, type SendMode, type SimConfig } from '../../sim/index.ts';
import { formatTime } from '../../viz/format.ts';
import { duplicateCauseSaid } from '../panels/cause-strings.ts';
import { closedCallCount } from './channel-closed.ts';
import { attemptsAllowed, creators, durationEn as d, failedSend, notOkAttempts, queuesByBroker, keepsOffsetsLocally, nodeEn as node, nodeName, retriesSaid, slavesToo, untilNextRouteRound, type AttemptsFailed, type FailedSend, type MasterAway, type NarrationContext, type Narrators, type TraceOf } from './context.ts';

/**
 * SUBSCRIPTION_NOT_EXIST from a broker with no ConsumerGroupInfo for the group: what brings the
 * group back differs by version (a 5.x client heartbeats on each new channel to a broker).
 */
function noGroupInfoEn(e: TraceOf<'pull.rejected'>, c: NarrationContext): string {
  const next = c.config.rocketmqVersion === '5.x'
    ? `the heartbeat ${e.consumer} sends as soon as it opens a new channel to a broker (MQClientInstance.onChannelActive, 5.x), so a pull sent on that channel before it may be refused once`
    : `${e.consumer}'s next heartbeat, every ${d(c.config.clientHeartbeatIntervalMs)}: until then every pull to it is refused`;
  return ` The broker has no group info for ${e.consumer}'s group yet ("the consumer's group info not exist"): it lost it when it restarted, and a pull does not carry its subscription (postSubscriptionWhenPull is false). ${e.consumer} asks again in ${d(c.config.pullTimeDelayMillsWhenException)}; the group comes back with ${next}.`;
}

/**
 * A send to a broker whose master cannot be reached: said, not told as an ordinary send (its route
 * still lists the broker). What the attempt meets depends on why (MasterAway): a stopped process's
 * host refuses the connect at once; a host without power, or one cut off, answers nothing.
 */
function downEn(c: NarrationContext, e: TraceOf<'message.sent'>): string {
  const away = c.masterAway?.(e.broker);
  if (!away) return '';
  const route = ` Its cached route lists ${e.broker} until a route pull (every ${d(c.config.pollNameServerIntervalMs)}) answers with a route without it; a pull answered TOPIC_NOT_EXIST, when no broker holds the topic any more, leaves the old route as it is.`;
  return `${away === 'stopped' ? refusedEn(c, e) : unansweredEn(c, e, away)}${route}`;
}

/** NettyRemotingClient.createChannel: a host whose process is down answers the connect with a reset (RST), at once. */
function refusedEn(c: NarrationContext, e: TraceOf<'message.sent'>): string {
  const mode = c.sendMode?.(e.producer) ?? 'SYNC';
  const then = mode === 'ONEWAY' ? 'a ONEWAY send is never tried again, so the message is lost'
    : e.attempt < attemptsAllowed(c, e.producer) ? `the producer tries again, ${retryWhereEn(c.config)}, if sendMsgTimeout (${d(c.config.sendMsgTimeoutMs)}) has time left`
      : `this was its last attempt (${retriesSaid(c, e.producer)}), so the send fails`;
  return ` But ${e.broker}'s master is down: its process stopped while its host is up, which refuses the connect at once (connectRefused). The attempt fails and ${then}.`;
}

/**
 * A host without power or cut off answers nothing and closes nothing. On a channel still open the
 * request waits for its timeout (NettyRemotingClient.invokeSync; an ASYNC one until
 * scanResponseTable fails it), unless another call's timeout closes the channel first; with none
 * open it waits for a connect that fails after connectTimeoutMillis (src/model/connect.ts). sendMsgTimeout is
 * a budget for all the attempts (DefaultMQProducerImpl.sendDefaultImpl: `if (timeout < costTime)`).
 */
function unansweredEn(c: NarrationContext, e: TraceOf<'message.sent'>, away: Exclude<MasterAway, 'stopped'>): string {
  const { config } = c;
  const mode = c.sendMode?.(e.producer) ?? 'SYNC';
  const why = away === 'noPower' ? 'has no power' : 'is cut off by a network partition';
  const head = ` But ${e.broker}'s master ${why}: nothing sent to it is answered, and it refuses and closes nothing.`;
  const connect = config.connectTimeoutMs;
  const stillOpen = away === 'noPower' ? 'a host without power closes none' : 'a partition closes none';
  if (mode === 'ONEWAY') return `${head}${onewayUnansweredEn(stillOpen, connect)}`;
  const send = config.sendMsgTimeoutMs;
  const waits = ` If the producer's channel to it is still open (${stillOpen}), the request waits out what is left of sendMsgTimeout (${d(send)})${mode === 'ASYNC' ? ', and a second more until scanResponseTable fails it' : ''}, unless another call that timed out closes the channel first (channelClosed); with no channel open, it waits for a connect that fails after connectTimeoutMillis (${d(connect)}).`;
  const last = e.attempt >= attemptsAllowed(c, e.producer);
  const budget = last ? ` This is its last attempt (${retriesSaid(c, e.producer)}): when it fails, the send fails.`
    : connect >= send ? ` sendMsgTimeout is one budget for all of a send's attempts (DefaultMQProducerImpl.sendDefaultImpl), and either wait spends it: the send fails without a retry. Only an attempt failed sooner (by a close, or a connect already under way) may go again, ${retryWhereEn(config)}.`
    : ` sendMsgTimeout is one budget for all of a send's attempts (DefaultMQProducerImpl.sendDefaultImpl): a timeout spends it, so the send fails without a retry; after a failed connect at most ${d(send - connect)} is left for another attempt, ${retryWhereEn(config)}.`;
  return `${head}${waits}${budget}`;
}

/**
 * A ONEWAY send to a host that answers nothing: written into a channel still open, it is gone at
 * once; with none open, NettyRemotingClient.invokeOneway waits for the connect on a listener and
 * drops the request when the connect fails, connectTimeoutMillis later (src/model/connect.ts).
 */
function onewayUnansweredEn(stillOpen: string, connectMs: number): string {
  return ` A ONEWAY send waits for no answer and is never tried again. If the producer's channel to it is still open (${stillOpen}), the message goes into it and is lost at once; `
    + `with no channel open, it waits for a connect, and unless the connect is answered it is dropped when the connect fails, connectTimeoutMillis (${d(connectMs)}) later: only then is the message lost.`;
}

/**
 * How long the NameServers keep a broker that went silent (silentBrokerDrop): until its channel has
 * been idle serverChannelMaxIdleTimeSeconds, which NettyRemotingServer's IdleStateHandler closes
 * (BrokerHousekeepingService.onChannelIdle), or their scanNotActiveBroker finds its registration
 * older than brokerChannelExpiredTime, whichever comes first.
 */
function silentKeptEn(config: SimConfig): string {
  const scan = (registration: string) => `their scan (every ${d(config.scanNotActiveBrokerIntervalMs)}) finds ${registration} older than ${d(config.brokerChannelExpiredTimeMs)} (expired)`;
  return config.serverChannelMaxIdleTimeMs > 0
    ? `the NameServers keep it until its channel, idle since its last registration, is closed after ${d(config.serverChannelMaxIdleTimeMs)} (channelIdle), or until ${scan('that registration')}, whichever comes first`
    : `the NameServers keep it until ${scan('its last registration')}`;
}

const FAULTS: Record<string, (target: string, config: SimConfig) => string> = {
  crashBroker: (t) => `${t} crashes: its process dies and its connections close, so the NameServers drop it at once (channelClosed) instead of waiting for the heartbeat expiry.`,
  powerOffBroker: (t, config) => `${t}'s machine loses power: the page cache goes with it, so whatever was not flushed to disk is gone unless a slave holds it. A host without power sends no FIN and no RST: nobody is told, and ${silentKeptEn(config)}. A client's first synchronous call to it waits out its timeout, which closes the client's own end of the connection (the requests waiting on it fail: channelClosed); every later call must connect anew, and a connect that gets no answer fails after connectTimeoutMillis (connectTimeout).`,
  partitionBroker: (t) => `${t} is cut off by a network partition: its connections stay open but nothing gets through. A client notices when a call to it times out (a send, a heartbeat: within seconds); the NameServers only by its silence, once its channel has been idle or its registration too old.`,
  healPartition: (t) => `The partition around ${t} heals: its next heartbeat reaches the NameServers again.`,
  shutdownBroker: (t) => `${t} shuts down gracefully: it unregisters from every NameServer before it stops.`,
  startBroker: (t) => `${t} starts: it registers with every NameServer, and clients see it at their next route pull.`,
  crashNameServer: (t) => `${t} crashes: its route tables are lost; brokers and clients that talk to it get no answer.`,
  startNameServer: (t) => `${t} starts with empty route tables: it learns each broker again from that broker's next heartbeat.`,
  partitionLink: (t) => `The link ${t} is cut: those two processes can no longer reach each other.`,
  healLink: (t) => `The link ${t} works again.`,
  addConsumer: (t) => `${t} joins: it registers with the brokers, and its group rebalances to give it queues.`,
  addProducer: (t) => `${t} starts: it fetches its topic's route, then sends and heartbeats the masters it knows.`,
  removeConsumer: (t) => `${t} leaves cleanly: it unregisters, so its group rebalances at once.`,
  removeProducer: (t) => `${t} shuts down: it unregisters from every broker it knows, then stops sending.`,
  crashConsumer: (t) => `${t} crashes: the brokers see its connection close and its group rebalances at once.`,
  hangConsumer: (t) => `${t} hangs: it stops heartbeating and consuming but its connections stay open, so only the brokers notice, when they close its channel idle or their scan finds its heartbeat expired.`,
  setProducerRate: (t) => `The send rate changes: ${t}.`,
  updateTopic: (t) => `An operator runs updateTopic: ${t}.`,
  wipeWritePerm: (t) => `An operator runs mqadmin wipeWritePerm -b ${t}: each NameServer it calls takes the write perm off ${t}'s queues in every topic. Only the NameServers' routes change, not the broker: producers stop choosing ${t} at their next route pull, consumers keep reading it until its queues are drained.`,
  addWritePerm: (t) => `An operator runs mqadmin addWritePerm -b ${t}: each NameServer it calls sets ${t}'s queues back to read and write (perm 6) in every topic; producers choose it again from their next route pull.`,
};

/** Why an action traced with noEffect changed nothing: what its target was when it ran (src/model/timeline-effect.ts). */
const NO_EFFECT: Record<string, (target: string) => string> = {
  crashBroker: (t) => `${t} is not running (it has already stopped, crashed or lost power, or has not started yet)`,
  powerOffBroker: (t) => `${t} is not running (it has already stopped, crashed or lost power, or has not started yet)`,
  shutdownBroker: (t) => `${t} is not running (it has already stopped, crashed or lost power, or has not started yet)`,
  startBroker: (t) => `${t} is already running`,
  partitionBroker: (t) => `${t} is already cut off by a partition`,
  healPartition: (t) => `${t} is not cut off by a partition (partitionBroker)`,
  crashNameServer: (t) => `${t} is not running (it has already crashed, or has not started yet)`,
  startNameServer: (t) => `${t} is already running`,
  partitionLink: (t) => `the link ${t} is already cut`,
  healLink: (t) => `the link ${t} is not cut (partitionLink)`,
  removeConsumer: (t) => `${t} has already left or crashed, or hangs (a hung process runs no clean shutdown)`,
  removeProducer: (t) => `${t} has already shut down`,
  crashConsumer: (t) => `${t} is neither running nor hung (it has already left or crashed, or has not started yet: there is no process to kill, and it still starts at its startAt)`,
  hangConsumer: (t) => `${t} is not running (it has already left, crashed or hung, or has not started yet: it still starts at its startAt)`,
  setProducerRate: (t) => `${t} already sends at that rate, so its send schedule goes on as it was; or it is not running (it has already shut down, or has not started yet and starts with its own ratePerSec)`,
  wipeWritePerm: (t) => `no NameServer it calls lists ${t} with the write perm (already wiped, or ${t} not registered)`,
  addWritePerm: (t) => `every NameServer it calls already lists ${t}'s queues as read and write, or does not list ${t}`,
};

/** A client added now that starts later, at its own startAt (timeline.ts startAddedClient). */
function addedLaterEn(e: TraceOf<'fault'>, startsAt: number): string {
  const then = e.action === 'addConsumer'
    ? 'only then does it register with the brokers, and its group rebalances to give it queues'
    : 'only then does it fetch its topic\'s route and send';
  return `${e.target} is added; it starts at ${formatTime(startsAt)} (its startAt): ${then}.`;
}

/** A client removed before its start (timeline.ts cancelStart): it never runs. */
function cancelledStartEn(e: TraceOf<'fault'>, startAt: number): string {
  const never = e.action === 'removeConsumer' ? 'no broker registers it and its group never gives it a queue' : 'it sends nothing';
  return `${e.target} is removed before it has started: its start at ${formatTime(startAt)} (its startAt) is cancelled, and it never runs: ${never}.`;
}

function noEffectEn(e: TraceOf<'fault'>): string {
  const subject = faultSubject(e);
  const why = NO_EFFECT[e.action];
  return `${e.action} ${subject} changes nothing${why ? `: ${why(subject)}` : ''}.`;
}

/** Where a consumed message's offset goes next: the consumer's own file (BROADCASTING), or a broker (CLUSTERING). */
function consumedOffsetEn(c: NarrationContext, consumer: string): string {
  const every = d(c.config.persistConsumerOffsetIntervalMs);
  return keepsOffsetsLocally(c, consumer)
    ? `Its offset goes to the consumer's own local file (LocalFileOffsetStore) at the next round (every ${every}): a broadcasting consumer keeps its offsets itself.`
    : `Its offset reaches the broker with the queue's next pull, or the next commit round (every ${every}).`;
}

/** Why a send ended FAILED, in words (failedSend). */
function failedSendEn(why: FailedSend, timeoutMs: number): string {
  switch (why.kind) {
    case 'noNameServer': return 'it has no NameServer address (namesrvAddr) to ask for a route, so send() throws "No name server address, please set it." without trying any broker';
    case 'noRoute': return 'its route offers no queue to write to (no master holds one), so send() throws "No route info of this topic" without trying any broker';
    case 'routeTimeout': return `waiting for its route took the whole sendMsgTimeout (${d(timeoutMs)}), so send() throws a timeout without trying any broker`;
    case 'attemptsFailed': return `${attemptsFailedEn(why, timeoutMs)}, so the send throws to the application`;
    case 'unknown': return 'no attempt succeeded, so the send throws to the application';
  }
}

/** Its attempts failed, and why none followed the last (AttemptsFailed.stopped). */
function attemptsFailedEn({ attempts, allowed, stopped, lastReason, mode }: AttemptsFailed, timeoutMs: number): string {
  const made = attempts === 1 ? 'its first attempt' : `attempt ${attempts}`;
  switch (stopped) {
    case 'allMade': return attempts === 1 ? 'its one attempt failed' : `all ${attempts} of its attempts failed`;
    case 'timedOut': return `${made} of ${allowed} timed out, which spent what was left of sendMsgTimeout (${d(timeoutMs)}): no time for another`;
    case 'notRetried': return mode === 'ASYNC'
      ? `${made} of ${allowed} ${lastReason === 'brokerNotExist' ? 'found no address for its broker in the route' : `was answered ${lastReason ?? ''}`}, and an ASYNC send is tried again only when no answer came`
      : `${made} of ${allowed} was answered ${lastReason ?? ''}, which the producer does not retry (not one of its retryResponseCodes)`;
    case 'budgetSpent': return `${made} of ${allowed} failed (${lastReason ?? ''}) when sendMsgTimeout (${d(timeoutMs)}) had no time left for another`;
    case 'noQueue': return `${made} of ${allowed} failed (${lastReason ?? ''}) and its route offered no other queue`;
  }
}

/**
 * Whether the send goes on after a failed attempt (DefaultMQProducerImpl.sendDefaultImpl): an
 * attempt waits for the rest of sendMsgTimeout, so a timeout leaves no time for another.
 */
function sendAgainEn(e: TraceOf<'send.failed'>, context: NarrationContext): string {
  const { reason, attempt } = e;
  const { config } = context;
  if (reason === 'timeout') return ` Waiting took the rest of sendMsgTimeout (${d(config.sendMsgTimeoutMs)}): no time is left to try again.${timeoutClosesEn(context.sendMode?.(e.producer))}`;
  const mode = context.sendMode?.(e.producer) ?? 'SYNC';
  if (!sendRetriesAfter(reason, mode)) return mode === 'ASYNC' ? notRetriedAsyncEn(reason) : ` The producer does not try again after ${reason}, which is not one of its retryResponseCodes: send() throws to the application.`;
  const left = attempt < attemptsAllowed(context, e.producer);
  if (isNotOkStatus(reason)) {
    return left
      ? ` With retryAnotherBrokerWhenNotStoreOK the producer sends it again, ${retryWhereEn(config)}, if sendMsgTimeout (${d(config.sendMsgTimeoutMs)}) has time left.`
      : ` No attempt is left, so send() returns this status rather than throwing (sendDefaultImpl returns the last SendResult): the message is stored.`;
  }
  return `${CONNECTION_EN[reason] ?? ''}${left ? ` The producer tries again, ${retryWhereEn(config)}, if sendMsgTimeout (${d(config.sendMsgTimeoutMs)}) has time left.` : ' No attempt is left.'}`;
}

/** Where a retry goes: another broker when the route has one, except with sendLatencyFaultEnable in 4.x. */
function retryWhereEn(config: SimConfig): string {
  return retryAvoidsLastBroker(config) ? 'on another broker when it can' : 'on the next queue whose broker is not isolated, maybe the same broker (with sendLatencyFaultEnable 4.9.8 does not avoid the one it just tried)';
}

/** sendDefaultImpl returns the last SendResult when retryAnotherBrokerWhenNotStoreOK's attempts all stored without SEND_OK. */
function lastNotOkEn(e: TraceOf<'send.result'>, c: NarrationContext): string {
  const attempts = notOkAttempts(e, c);
  if (attempts <= 1) return '';
  return ` None of its ${attempts} attempts got SEND_OK, and at least one was stored with another status (retryAnotherBrokerWhenNotStoreOK sent it again after each), so send() returns the last of those statuses instead of throwing (DefaultMQProducerImpl.sendDefaultImpl): the message is stored once for each attempt answered with a status.`;
}

/** MQClientAPIImpl.sendMessageAsync tries again only when no answer came; DefaultMQProducerImpl.sendKernelImpl throws before any request leaves for a broker with no address. */
function notRetriedAsyncEn(reason: SendFailedReason): string {
  const why = reason === 'brokerNotExist' ? 'its route names no address for the broker, so the request never left' : `the broker answered ${reason}`;
  return ` An ASYNC send is tried again only when no answer came (a timeout or a failed connection); here ${why}, so its SendCallback's onException gets the error (retryResponseCodes count only for SYNC sends).`;
}

/** A SYNC call that times out closes its connection (invokeSync); an ASYNC one is failed by the response table's scan, and closes nothing. */
function timeoutClosesEn(mode: SendMode | undefined): string {
  if (mode === 'ASYNC') return ' An ASYNC request has no timer of its own: the client\'s scanResponseTable failed it a second past its timeout, and that closes nothing.';
  return ' The timeout also closed the connection (clientCloseSocketIfTimeout), failing every request waiting on it.';
}

/** What a connection failure means, before whether the send goes on. */
const CONNECTION_EN: Partial<Record<SendFailedReason, string>> = {
  connectTimeout: ' No channel was open, and the connect got no answer within connectTimeoutMillis; a send made while it was under way waited for the same connect.',
  channelClosed: ' Its connection closed with the request on it: the broker\'s process stopped (a crash or a shutdown), or a call on that connection timed out and closed it.',
  connectRefused: ' No channel was open, and the broker\'s host answered the connect with a reset (RST): the machine is up but no process listens on the port, so the connect fails at once.',
};

/** Whether the peer of a closed channel sees the close: not across a partition, which swallows it too, nor when it is down. */
function closeSeenEn(e: TraceOf<'channel.closed'>, c: NarrationContext): string {
  if (c.brokerNow?.(e.to) === 'down') return `${e.to} is down and sees nothing.`;
  if (c.brokerNow?.(e.to) === 'cutOff' || c.brokerNow?.(e.from) === 'cutOff') {
    return `The partition swallows the close too: ${e.to} does not see it while the partition lasts (TCP sends the FIN again, so it may after a heal); otherwise it keeps its side until the connection has been idle too long.`;
  }
  return `Unless the network swallows it, ${e.to} sees the close too, as if ${e.from} had gone.`;
}

/** A call's name in a count: singular and plural. */
const CALL_NOUNS_EN: Partial<Record<RequestCode, [string, string]>> = {
  SEND_MESSAGE: ['send', 'sends'],
  HEART_BEAT: ['heartbeat', 'heartbeats'],
  PULL_MESSAGE: ['long-polling pull', 'long-polling pulls'],
  GET_CONSUMER_LIST_BY_GROUP: ['member query', 'member queries'],
  QUERY_CONSUMER_OFFSET: ['offset query', 'offset queries'],
  CONSUMER_SEND_MSG_BACK: ['send-back', 'send-backs'],
  GET_ROUTEINFO_BY_TOPIC: ['route pull', 'route pulls'],
};

/** ", and the 4 other requests waiting on it (3 sends, 1 heartbeat) fail at once (channelClosed)": what the close failed (NettyRemotingAbstract.failFast). */
function failedOnCloseEn(e: TraceOf<'channel.closed'>): string {
  const total = closedCallCount(e);
  if (total === 0) return '';
  const calls = Object.entries(e.failed).map(([code, n]) => {
    const noun = CALL_NOUNS_EN[code as RequestCode];
    return noun ? `${n} ${n === 1 ? noun[0] : noun[1]}` : `${n} ${code}`;
  });
  return `, and the ${total} other ${total === 1 ? 'request' : 'requests'} waiting on it (${calls.join(', ')}) fail at once (channelClosed)`;
}

/** What a synchronous call is for, by its RequestCode, where the code alone would not say. */
const CALL_EN: Partial<Record<RequestCode, string>> = {
  HEART_BEAT: 'heartbeat',
  GET_CONSUMER_LIST_BY_GROUP: 'query of its group\'s members, for a rebalance',
  REGISTER_BROKER: 'registration, the broker\'s heartbeat to a NameServer',
  GET_ROUTEINFO_BY_TOPIC: 'route pull',
  SEND_MESSAGE: 'send',
  QUERY_CONSUMER_OFFSET: 'query of a queue\'s consumed offset',
  CONSUMER_SEND_MSG_BACK: 'send-back of a message its listener failed',
  GET_MAX_OFFSET: 'query of a queue\'s last offset',
};

/** How a topic a broker created by itself came to be: a consumer group's retry topic, or a topic a send named (from TBW102). */
/** A call that went past other NameServers first (getAndCreateNameserverChannel's loop), and why it failed where it did. */
function passedEn(e: TraceOf<'route.failed'>, config: SimConfig): string {
  if (!e.passed) return '';
  const first = ` after going past ${e.passed.join(' and ')} in the same call`;
  if (e.reason !== 'timeout') return first;
  return `${first}: RocketMQ 4.x waited out ${e.passed.join(' and ')}'s unanswered connect (${d(config.connectTimeoutMs)}) before trying ${e.nameServer}, which answered with the call's ${d(config.mqClientApiTimeoutMs)} already spent, so invokeSync gave up without sending. While the first NameServer of the list stays cut off, every call fails so (5.x fails one call and asks the next NameServer at the following call)`;
}

function autoCreatedEn(e: TraceOf<'topic.updated'>): string {
  if (!e.auto) return '';
  if (e.topic.startsWith(RETRY_GROUP_TOPIC_PREFIX)) return `, the retry topic of group ${e.topic.slice(RETRY_GROUP_TOPIC_PREFIX.length)}: a broker creates it when a heartbeat of the group's first reaches it (a BROADCASTING group's too, which never reads it), and a CLUSTERING group's messages whose consumption failed come back to it through it`;
  return ' (created automatically from TBW102, autoCreateTopicEnable)';
}

/** "broker-a", "broker-a and broker-b", "broker-a, broker-b and broker-c". */
function listedEn(names: readonly string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
}

/**
 * When clients see a topic an operator created: a producer with no route for it asks a NameServer at
 * its next send (DefaultMQProducerImpl.tryToFindTopicPublishInfo), a client with one at its next pull.
 */
function seenEn(e: TraceOf<'topic.updated'>, config: SimConfig): string {
  const pull = `their next route pull (every ${d(config.pollNameServerIntervalMs)})`;
  // MQClientInstance.findConsumerIdList asks for the route of a topic it knows no broker of at every rebalance.
  const rebalance = `at its next rebalance (every ${d(config.rebalanceIntervalMs)})`;
  if (!e.created) return `Clients see it at ${pull}.`;
  return e.auto
    ? `Clients see it at ${pull}; a consumer with no route for ${e.topic} asks ${rebalance}.`
    : `A producer with no route for ${e.topic} asks a NameServer for it at its next send (DefaultMQProducerImpl.tryToFindTopicPublishInfo), a consumer ${rebalance}; clients that already have a route see the change at ${pull}.`;
}

/** "1 queue", "4 queues". */
function queuesEn(n: number): string {
  return `${n} ${n === 1 ? 'queue' : 'queues'}`;
}

/** " (8 on broker-a, 8 on broker-b)" after a route's count of queues that span brokers. */
function byBrokerEn(queues: readonly string[]): string {
  const counts = queuesByBroker(queues);
  return counts.length === 0 ? '' : ` (${counts.map(([broker, count]) => `${count} on ${broker}`).join(', ')})`;
}

/** What a rebalanced retry topic is, after the rebalance's sentence: it comes up in a run nobody made fail. */
function retryTopicEn(topic: string): string {
  return topic.startsWith(RETRY_GROUP_TOPIC_PREFIX)
    ? ` ${topic} is the group's retry topic: each CLUSTERING member subscribes to it too, for the messages whose consumption failed.`
    : '';
}

/** A registration after the first, by what made the broker register (its trigger). */
function registeredAgainEn(e: TraceOf<'broker.registered'>, c: NarrationContext): string {
  const { config } = c;
  const expiry = `Its ${d(config.brokerChannelExpiredTimeMs)} expiry starts again at ${formatTime(e.t)}, so it stays listed unless no registration arrives by ${formatTime(e.t + config.brokerChannelExpiredTimeMs)}.`;
  const broker = node(c, e, e.brokerId);
  switch (e.trigger) {
    case 'periodic': return `${broker} registered with ${e.nameServer} again: its periodic registration, every ${d(registerNameServerPeriod(config))}, is the broker's heartbeat. ${expiry}`;
    case 'topicChanged': return `${broker} registered with ${e.nameServer} at once because its topic table changed (a topic created or updated), without waiting for its next periodic registration: ${e.nameServer}'s routes now carry the new queue counts, and clients see them at their next route pull (every ${d(config.pollNameServerIntervalMs)}). ${expiry}`;
    case 'start': return `${broker} registered with ${e.nameServer} as it started; ${e.nameServer} still listed it from before. ${expiry}`;
    case 'roleChanged': return `${broker} registered with ${e.nameServer} once the controller gave it its role: ${e.nameServer}'s routes now list it in that role. ${expiry}`;
  }
}

/**
 * What a client does after a failed route query. A consumer's start asks first, and a failure there
 * fails the start (DefaultMQPushConsumerImpl.start): 5.x shuts the consumer down; 4.9.8 throws with
 * the consumer running and its client instance's tasks going on, but no route yet, so its first
 * rebalance asks for it (MQClientInstance.findConsumerIdList) and takes no queue (RebalanceImpl
 * read topicSubscribeInfoTable before); its next heartbeat registers it, and the broker's
 * NOTIFY_CONSUMER_IDS_CHANGED for the new member rebalances it (ConsumerManager.registerConsumer).
 */
function routeFailedThenEn(e: TraceOf<'route.failed'>, c: NarrationContext): string {
  const { config } = c;
  const poll = d(config.pollNameServerIntervalMs);
  const start = c.startFailure?.(e.client, e.t);
  if (start === 'shutsDown') return 'this query was part of its start, so the start fails: RocketMQ 5 shuts the consumer down (DefaultMQPushConsumerImpl.start), and it asks for nothing more until someone starts it again.';
  if (start === 'runsOn') {
    return `this query was part of its start, so start() throws (IllegalStateException, from MQClientInstance.updateTopicRouteInfoFromNameServer), but RocketMQ 4 has already set the consumer running, with no route of ${e.topic} yet to keep. It skips the start's heartbeat and rebalance. `
      + `Its first rebalance, ${d(config.rebalanceIntervalMs)} after its start (RebalanceService), finds no broker of ${e.topic} and asks a NameServer for the route itself (findConsumerIdList), as does its route pull every ${poll}; `
      + `it takes queues when its first heartbeat after that (every ${d(config.clientHeartbeatIntervalMs)}) reaches a broker, which tells the group of its new member (NOTIFY_CONSUMER_IDS_CHANGED) and so rebalances it at once.`;
  }
  const again = d(untilNextRouteRound(e, c));
  if (c.hasRoute?.(e.client, e.topic) === false) return `it has no route of ${e.topic} yet, so none to keep, and tries again in ${again}.`;
  return `it keeps its cached route and tries again in ${again}.`;
}

const ONEWAY_EN = 'A ONEWAY send (sendOneway) waits for no answer, so its producer never learns of it; only SYNC and ASYNC sends are told of a failure, and try again while their timeout allows.';

/**
 * While the run plays and no news is held: traffic flows, and under it RocketMQ's three timers,
 * each named with its period and the colour of its dots (a reader at 10x sees them pass unnamed).
 */
export function flowingEn(config: SimConfig): string {
  return `Messages are being sent, stored and consumed. Under them run RocketMQ's timers: every broker registers with every NameServer every ${d(registerNameServerPeriod(config))} (its heartbeat: grey dots), every client pulls its topics' routes every ${d(config.pollNameServerIntervalMs)} (orange) and heartbeats its brokers every ${d(config.clientHeartbeatIntervalMs)} (pink). Pause, or step one event (→), to read each one.`;
}

export const en: Narrators = {
  'broker.registered': (e, c) => (e.first
    ? `${node(c, e, e.brokerId)} registered with ${e.nameServer} for the first time: ${e.nameServer} now lists it in routes. It registers again ${e.trigger === 'start' ? `${d(c.config.brokerRegisterInitialDelayMs)} after its start, then ` : ''}every ${d(registerNameServerPeriod(c.config))}: that registration is the broker's heartbeat.`
    : registeredAgainEn(e, c)),
  'broker.removed': (e, c) => {
    const { config } = c;
    const why = {
      expired: `no heartbeat for ${d(config.brokerChannelExpiredTimeMs)}; its scan runs every ${d(config.scanNotActiveBrokerIntervalMs)}`,
      channelClosed: `its connection closed (the broker's process died, or a call on that connection timed out and closed it), so it did not wait for the ${d(config.brokerChannelExpiredTimeMs)} expiry`,
      channelIdle: `its channel was idle for ${d(config.serverChannelMaxIdleTimeMs)}, so the NameServer closed it`,
      unregistered: 'the broker unregistered itself while shutting down',
    }[e.reason];
    return `${e.nameServer} removed ${node(c, e, e.brokerId)} from its routes: ${why}. Clients learn it at their next route pull (every ${d(config.pollNameServerIntervalMs)}), unless the broker registers again before then.`;
  },
  'nameServer.chosen': (e) => `${e.client} now asks ${e.nameServer} for routes: a client starts at a random NameServer of its list and moves to the next one only when its channel to the chosen one closes or a request to it fails.`,
  'route.pulled': (e, { config }) => {
    if (!e.found) return `${e.client} asked ${e.nameServer} for the route of ${e.topic} (GET_ROUTEINFO_BY_TOPIC): the NameServer knows no such topic (TOPIC_NOT_EXIST). A producer with no route asks again with its next send (tryToFindTopicPublishInfo); otherwise the client asks at its next route pull, every ${d(config.pollNameServerIntervalMs)}.`;
    return `${e.client} pulled the route of ${e.topic} from ${e.nameServer} (GET_ROUTEINFO_BY_TOPIC, route discovery): ${e.changed ? 'it changed, so the client rebuilds its queue lists' : 'unchanged'}. A client pulls each of its topics' routes every ${d(config.pollNameServerIntervalMs)} (pollNameServerInterval); the NameServer never pushes, so a change reaches clients only at their next pull.`;
  },
  'route.updated': (e, c) => (e.fromTopic === e.topic
    ? `${e.client} pulled the route of ${e.topic} from ${e.nameServer}: ${queuesEn(e.writeQueues.length)} to write${byBrokerEn(e.writeQueues)}, ${e.readQueues.length} to read${byBrokerEn(e.readQueues)}. It pulls again in ${d(untilNextRouteRound(e, c))}.`
    : `${e.nameServer} has no route for ${e.topic}, so ${e.client} took ${e.fromTopic}'s route in its place, at most ${c.config.producerDefaultTopicQueueNums} queues on each broker (defaultTopicQueueNums): ${queuesEn(e.writeQueues.length)} to write. The first message a broker receives for ${e.topic} creates it there.`),
  'route.failed': (e, c) => `${e.client} could not get the route of ${e.topic} from ${e.nameServer} (${e.reason})${passedEn(e, c.config)}; ${routeFailedThenEn(e, c)}`,
  'topic.updated': (e, c) => `${listedEn(creators(c, e))} ${e.created ? 'created' : 'changed'} ${e.topic}: ${e.writeQueueNums} write queues, ${e.readQueueNums} read queues, perm ${perm2String(e.perm)} (R: consumers may read it, W: producers may write it)${autoCreatedEn(e)}. ${seenEn(e, c.config)}`,
  'nameServer.wipeWritePerm': (e, { config }) => `${e.nameServer} took PERM_WRITE off ${e.broker}'s QueueData of ${e.topicCount} topics (mqadmin prints "wipe write perm of broker[${e.broker}] in name server[...] OK, ${e.topicCount}"). Producers leave ${e.broker} at their next route pull (every ${d(config.pollNameServerIntervalMs)}); consumers still read it. A registration with an unchanged DataVersion leaves the wipe alone; a topic change on the broker, or its first registration after a restart, writes the broker's own perm back.`,
  'nameServer.addWritePerm': (e, { config }) => `${e.nameServer} set ${e.broker}'s QueueData of ${e.topicCount} topics to perm 6 (read and write): producers choose ${e.broker} again at their next route pull (every ${d(config.pollNameServerIntervalMs)}).`,
  'nameServer.writePermFailed': (e) => `mqadmin ${e.command} could not reach ${e.nameServer} (${e.reason}: it is down) and printed "Failed" for it, then went on to the next NameServer. Clients that ask ${e.nameServer} once it is back get the route its brokers register there.`,
  'topic.updateFailed': (e) => `mqadmin updateTopic ${e.topic} could not reach ${e.broker}'s master (${e.reason}: ${e.reason === 'connectRefused' ? 'its process is down' : 'its host is cut off or without power, and the connect got no answer within connectTimeoutMillis'}). createAndUpdateTopicConfig throws, so the command ends "command failed" at that master: the masters it had reached before keep the change, the ones after it in its list never get it. Run it again once the broker is back.`,
  'message.sent': (e, c) => (e.attempt > 1
    ? `${e.producer} retried message ${e.msgId}: attempt ${e.attempt} of at most ${attemptsAllowed(c, e.producer)} (${retriesSaid(c, e.producer)}) goes to ${e.broker} queue ${e.queueId}.${downEn(c, e)}`
    : `${e.producer} sent msgId ${e.msgId} (tags ${e.tags || 'none'}${e.keys ? `, keys ${e.keys}` : ''}) to ${e.broker} queue ${e.queueId}: producers take the write queues in turn${c.config.sendLatencyFaultEnable ? ', passing over those of a broker sendLatencyFaultEnable isolated (the producer\'s details list them)' : ''}.${downEn(c, e)}`),
  'message.stored': (e, c) => {
    if (e.brokerId !== 0) return `${node(c, e, e.brokerId)}, a slave, copied the message from its master (HAService): the same CommitLog offset ${e.commitLogOffset}.`;
    const read = c.readQueueNums?.(e.broker, e.topic);
    const fate = read !== undefined && e.queueId >= read
      ? ` Queue ${e.queueId} is at or above readQueueNums (${read}): no consumer pulls it until readQueueNums is raised.`
      : ' It can now be pulled.';
    return `${node(c, e, 0)} appended the message to its CommitLog at offset ${e.commitLogOffset} and to the ConsumeQueue of ${e.topic} queue ${e.queueId} at position ${e.queueOffset}.${fate}`;
  },
  'message.storedBehind': (e, c) => `${e.broker} stored message ${e.msgId} at ${e.topic} queue ${e.queueId}, position ${e.queueOffset}, a position ${e.reader} had already read past (its next pull offset is ${e.readerOffset}). The queue was cut back (${c.config.enableControllerMode ? 'a power loss keeps only what was flushed; a new master may hold less than the old one handed out' : 'after a power loss the broker keeps only what was flushed'}), so new messages take positions handed out before, and a consumer pulls on from its own next offset: ${e.reader} will never read this message, and nobody is told. Its producer got SEND_OK.`,
  'message.filtered': (e) => `Group ${e.group} passed over message ${e.msgId} (${e.topic} ${e.broker} queue ${e.queueId}, position ${e.queueOffset}, tags ${e.tags || 'none'}) on the ${e.by} side: the broker keeps one subscription per group, so with members that subscribe differently a message one member wants is skipped by another and never consumed by the group.`,
  'message.lost': (e, c) => {
    switch (e.reason) {
      case 'truncatedByNewMaster': return `${node(c, e, e.brokerId, true)} cut message ${e.msgId} (${e.topic} queue ${e.queueId}, position ${e.queueOffset}) off its CommitLog: it came back as a slave of a newer master, which never received that message, and no other replica holds it.`;
      case 'notFlushedNotReplicated': return `${node(c, e, e.brokerId)} lost message ${e.msgId} (${e.topic} queue ${e.queueId}, position ${e.queueOffset}) with its machine: it was only in the page cache, not yet flushed to disk, and no slave held a copy.`;
      case 'onewayNotDelivered': return `Message ${e.msgId} (ONEWAY, ${e.topic} to ${e.broker} queue ${e.queueId}) was lost on the way: its broker was cut off by a partition, or down by the time it arrived. ${ONEWAY_EN}`;
      case 'onewayRefused': return `${node(c, e, e.brokerId)} refused message ${e.msgId} (ONEWAY, ${e.topic} queue ${e.queueId}), for instance a queue id beyond the topic's counts: its answer goes nowhere. ${ONEWAY_EN}`;
    }
  },
  'controller.elected': (e, c) => (e.brokerId === null
    ? `Controller ${e.controller} found no live broker of ${e.broker}'s SyncStateSet to make master (${e.trigger}): with unclean election off, ${e.broker} has no master until an in-sync replica returns.`
    : `Controller ${e.controller} elected ${nodeName(c, e, e.brokerId)} (controller id ${e.brokerId}) as ${e.broker}'s master, epoch ${e.masterEpoch} (${e.trigger}). It will register with the NameServers as brokerId 0; clients find it at their next route pull.`),
  'syncStateSet.changed': (e) => `Controller ${e.controller} now counts ${e.broker}'s replicas ${e.syncStateSet.join(', ')} as in sync (SyncStateSet epoch ${e.syncStateSetEpoch}): only these may be elected master.`,
  'broker.roleChanged': (e, c) => `${nodeName(c, e, e.controllerId)} (controller id ${e.controllerId}) is now ${e.role === 'SLAVE' ? `a slave with brokerId ${e.brokerId}` : 'the master, brokerId 0'} at master epoch ${e.masterEpoch}, as the controller said.`,
  'send.failed': (e, c) => (isNotOkStatus(e.reason)
    ? `${e.producer}'s attempt ${e.attempt} to send ${e.msgId} to ${e.broker} queue ${e.queueId} was stored, but answered ${e.reason}, not SEND_OK.${sendAgainEn(e, c)}`
    : `${e.producer}'s attempt ${e.attempt} to send ${e.msgId} to ${e.broker} queue ${e.queueId} failed (${e.reason}).${sendAgainEn(e, c)}`),
  'channel.closed': (e, c) => `${e.from}'s ${CALL_EN[e.code] ?? 'call'} (${e.code}) to ${e.to} got no answer within ${d(e.waitedMs)}. A synchronous call that times out closes its connection (NettyRemotingClient, clientCloseSocketIfTimeout)${failedOnCloseEn(e)}. The next call to ${e.to} must connect anew: a connect that gets no answer fails after connectTimeoutMillis (${d(c.config.connectTimeoutMs)}). ${closeSeenEn(e, c)}`,
  'send.result': (e, c) => {
    const { config } = c;
    // Only a FAILED send reads back through the trace for its attempts.
    const what = e.status === 'FAILED' ? failedSendEn(failedSend(c, e), config.sendMsgTimeoutMs) : {
      SEND_OK: 'the broker stored it',
      FLUSH_DISK_TIMEOUT: `stored, but not flushed to disk within ${d(config.syncFlushTimeoutMs)}`,
      FLUSH_SLAVE_TIMEOUT: `stored on the master, but the slave did not confirm within ${d(config.slaveTimeoutMs)}`,
      SLAVE_NOT_AVAILABLE: 'stored on the master, but no slave is in sync',
    }[e.status];
    return `${e.producer}'s send of ${e.msgId} ended with ${e.status}: ${what}.${lastNotOkEn(e, c)}`;
  },
  rebalance: (e, { config }) => (e.queues.length > 0
    ? `${e.consumer} rebalanced ${e.topic} for ${e.group} and now owns ${e.queues.join(', ')}. Every member sorts the same lists and runs the same allocation, so once all have rebalanced on the same members each queue has one owner; until then a queue may have two for a moment (both consume: duplicates) or none. Rebalancing repeats every ${d(config.rebalanceIntervalMs)} and whenever the group changes.${retryTopicEn(e.topic)}`
    : `${e.consumer} rebalanced ${e.topic} for ${e.group} and owns no queue: it consumes nothing until a rebalance gives it one (every ${d(config.rebalanceIntervalMs)}, or when the group changes).${retryTopicEn(e.topic)}`),
  'client.heartbeat': (e, c) => {
    const to = node(c, e, e.brokerId);
    if (e.trigger === undefined) return `${e.client} (${e.group}) sent its heartbeat to ${to} (HEART_BEAT): every ${d(c.config.clientHeartbeatIntervalMs)} a client tells each broker it knows that it is alive, a consumer every broker${slavesToo(c, ', slaves too,')} with its subscriptions, a producer the masters; a broker forgets a client whose channel stays silent too long.`;
    switch (e.trigger) {
      case 'rebalance': return `${e.client} (${e.group}) heartbeats ${to} at once: a rebalance changed its queues of a topic, which makes that topic's subVersion now (RebalancePushImpl.messageQueueChanged). The broker keeps one subscription per group and takes the newest version's expression, so members that subscribe differently take turns, the last to change queues winning.`;
      case 'start': return `${e.client} (${e.group}) heartbeats ${to} as part of its start: once it has its topics' routes, DefaultMQPushConsumerImpl.start sends every broker it knows${slavesToo(c, ', slaves too,')} its subscriptions, one broker after another, and wakes its rebalance. Its periodic heartbeats begin ${d(c.config.clientHeartbeatInitialDelayMs)} after the client started, then every ${d(c.config.clientHeartbeatIntervalMs)}.`;
      case 'channelActive': {
        const producer = c.isProducer?.(e.client) === true;
        const opened = `${e.client} (${e.group}) heartbeats ${to} at once, off its ${d(c.config.clientHeartbeatIntervalMs)} rhythm: it has just opened a new channel to it${producer ? ' for a send' : ''}, and a 5.x client sends a broker its heartbeat on every new channel (MQClientInstance.onChannelActive)`;
        return producer
          ? `${opened}. The broker so has the producer in its producer table from its first send there, not from its next periodic round.`
          : `${opened} and, once it is answered, wakes its rebalance. A broker back from a restart, its consumer table empty, so learns the group within milliseconds instead of at the next periodic round.`;
      }
    }
  },
  'consumer.registered': (e, c) => `${node(c, e, e.brokerId)} added ${e.consumer} to ${e.group}'s consumer table (consumers heartbeat every broker${slavesToo(c, ', slaves too,')} every ${d(c.config.clientHeartbeatIntervalMs)}); the group's members are told to rebalance.`,
  'consumer.removed': (e, c) => {
    const why = { expired: `no heartbeat for ${d(c.config.channelExpiredTimeoutMs)}`, channelClosed: 'its connection closed', channelIdle: `its channel was idle for ${d(c.config.serverChannelMaxIdleTimeMs)}, so the broker closed it`, unregistered: 'it unregistered' }[e.reason];
    // scanNotActiveChannel's expiry raises no CHANGE; a closed (or idle-closed) channel and an unregister do (ConsumerManager).
    const then = e.reason === 'expired'
      ? `Nobody is told (the scan's expiry sends no NOTIFY_CONSUMER_IDS_CHANGED): the rest of the group takes over its queues at its next periodic rebalance, within ${d(c.config.rebalanceIntervalMs)}.`
      : 'The broker tells the rest of the group (NOTIFY_CONSUMER_IDS_CHANGED), which rebalances at once and takes over its queues.';
    return `${node(c, e, e.brokerId)} removed ${e.consumer} from ${e.group}: ${why}. ${then}`;
  },
  'consumer.startFailed': (e) => (e.shutdown
    ? `${e.consumer} (${e.group}) could not start: its start asks a NameServer for each subscribed topic's route, and the call for ${e.topic} failed at ${e.nameServer} (${e.reason}). RocketMQ 5 then shuts the consumer down and throws the error to the application (DefaultMQPushConsumerImpl.start): it sends no heartbeat, owns no queue and consumes nothing until someone starts it again.`
    : `${e.consumer} (${e.group}) threw from its start: the route query for ${e.topic} failed at ${e.nameServer} (${e.reason}). In RocketMQ 4 the consumer is already running by then, so it skips only the start's heartbeat and rebalance: its periodic route pulls, heartbeats and rebalances go on, and once a NameServer has answered it takes queues when its next heartbeat reaches a broker, which tells the group of its new member (NOTIFY_CONSUMER_IDS_CHANGED).`),
  'producer.registered': (e, c) => `${node(c, e, e.brokerId)} added ${e.producer} to ${e.group}'s producer table (ProducerManager): producers heartbeat the masters they know every ${d(c.config.clientHeartbeatIntervalMs)}, and a producer channel silent for ${d(PRODUCER_CHANNEL_EXPIRED_TIMEOUT_MS)} is closed.`,
  'producer.removed': (e, c) => {
    const why = { expired: `no heartbeat for ${d(PRODUCER_CHANNEL_EXPIRED_TIMEOUT_MS)}, so the broker closed its channel`, channelClosed: 'its connection closed', channelIdle: `its channel was idle for ${d(c.config.serverChannelMaxIdleTimeMs)}, so the broker closed it`, unregistered: 'it unregistered as it shut down' }[e.reason];
    return `${node(c, e, e.brokerId)} removed ${e.producer} from ${e.group}'s producer table: ${why}. Nobody is told: sends do not depend on this table.`;
  },
  'message.consumed': (e, c) => `${e.consumer} (${e.group}) consumed the message at position ${e.queueOffset} of ${e.broker} queue ${e.queueId}${e.reconsumeTimes > 0 ? `, on retry ${e.reconsumeTimes}` : ''}${e.brokerId === 0 ? '' : `, read from the slave ${node(c, e, e.brokerId)}: its route has no master for ${e.broker}`}. ${consumedOffsetEn(c, e.consumer)}`,
  'message.consumedAgain': (e) => `${e.group} got ${e.msgId} again, this time at ${e.consumer}: ${duplicateCauseSaid(e.cause, 'en')}. RocketMQ delivers at least once, so a consumer must be idempotent (check the msgId or a business key before acting).`,
  'consume.failed': (e, { config }) => {
    const next = e.next === 'dlq'
      ? `it has used its retries (maxReconsumeTimes ${config.maxReconsumeTimes}), so it goes to the dead letter queue %DLQ%${e.group}`
      : e.next === 'retry' ? `it is sent back to %RETRY%${e.group} and delivered again later`
        : e.next === 'reread' ? `its queue was taken from ${e.consumer} while the listener ran, so the result is not processed (ConsumeRequest.run): nothing is sent back, and the queue's next owner reads the message again from the committed offset`
          : 'in broadcasting mode a failure is not retried';
    return `${e.consumer} (${e.group}) failed to consume ${e.msgId} (reconsumeTimes ${e.reconsumeTimes}): ${next}.`;
  },
  'pull.rejected': (e, c) => `${node(c, e, e.brokerId)} refused ${e.consumer}'s pull of ${e.topic} queue ${e.queueId}: ${e.reason}.${e.reason === 'SYSTEM_BUSY'
    ? ` A 5.x slave serves pulls only with slaveReadEnable (PullMessageProcessor.rejectRequest), so ${e.consumer} asks again in ${d(c.config.pullTimeDelayMillsWhenException)} and ${e.broker}'s messages wait until it has a master again.`
    : e.noGroupInfo === true ? noGroupInfoEn(e, c) : ''}`,
  'offset.committed': (e, c) => (keepsOffsetsLocally(c, e.consumer)
    ? `${e.consumer} wrote its offset ${e.offset} of ${e.broker} queue ${e.queueId} (${e.group}, broadcasting) to its own local file (LocalFileOffsetStore, ~/.rocketmq_offsets/<clientId>/${e.group}/offsets.json). A broadcasting consumer keeps its offsets itself: it writes the file every ${d(c.config.persistConsumerOffsetIntervalMs)} for every queue it owns, and its pulls carry no offset.`
    : `${e.consumer} committed offset ${e.offset} of ${e.broker} queue ${e.queueId} for ${e.group}: after a restart or a rebalance the group resumes there. Commits run every ${d(c.config.persistConsumerOffsetIntervalMs)} for every queue it owns, and each pull also carries the offset to the broker.`),
  fault: (e, { config }) => {
    if (e.noEffect) return noEffectEn(e);
    if (e.startsAt !== undefined) return addedLaterEn(e, e.startsAt);
    if (e.cancelsStartAt !== undefined) return cancelledStartEn(e, e.cancelsStartAt);
    return (FAULTS[e.action] ?? ((t) => `${e.action} ${t}.`))(faultSubject(e), config);
  },
};
