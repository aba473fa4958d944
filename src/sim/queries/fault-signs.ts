/**
 * The moments a broker fault shows itself, for the marks under the playhead: the first sign to
 * anyone, the first NameServer that removes the broker process, and the moment the last client
 * route that listed it stops listing it (the model records each where it happens,
 * src/model/detections.ts). Those moments usually lie ahead of the playhead, where the Timeline
 * has not been yet, so the query runs the scenario ahead in a simulation of its own, with no trace
 * and freeing what it can as the runner does, a share of the way at each ask: the answer says
 * whether it is complete, and the page asks again until it is. A query never moves the run.
 */
import type { Detection, FaultRecord } from '../../model/detections.ts';
import { isBrokerFault } from '../../model/fault-event.ts';
import type { SimConfig } from '../../model/defaults.ts';
import type { Scenario } from '../../model/spec.ts';
import type { ModelState } from '../../model/state.ts';
import { startUntracedRun, type ReclaimingRun } from '../reclaiming-run.ts';
import type { TimelineView } from '../timeline.ts';

type SignKind = 'first' | 'elected' | 'nameServer' | 'routes';

/** One moment a fault showed itself. */
export interface FaultSign {
  t: number;
  /**
   * first: its first sign to anyone; elected: the controller's first election for it (controller
   * mode); nameServer: the first NameServer stopped listing its process; routes: no running
   * client's route lists the process any more.
   */
  kind: SignKind;
  fault: string;
  target: string;
  /** The broker process, "broker-a/0". */
  node: string;
  faultAt: number;
  /** The detection that tells it; null for routes, and for a NameServer that stopped listing the process with no detection of its own (a new master took brokerId 0). */
  detection: Detection | null;
  /** Who: first and nameServer, every party that noticed alike then (the same rule, the same millisecond); elected, the controller; nameServer without a detection, the NameServers that stopped listing the process then; routes, the last client whose route stopped listing it. */
  parties: string[];
  /** routes: when the first NameServer had stopped listing the process (null if none did): how long the clients' cached routes outlived it. */
  nameServersDroppedAt: number | null;
  /** routes: the clients whose route pulls brought no route after that drop, and for which topics, which kept their cached routes as they were (RouteHolder.unrefreshed); else none. */
  unrefreshed: Unrefreshed;
}

interface Unrefreshed {
  clients: string[];
  topics: string[];
}

export interface FaultSigns {
  /** In the order of the faults, each fault's in time order. */
  signs: FaultSign[];
  /** Whether the run has been looked at as far as signs can come; until then the answer grows. */
  complete: boolean;
}

/**
 * How long after a broker fault its signs can still come: a NameServer removes a silent broker at
 * most brokerChannelExpiredTime plus one scan after its last registration, which came before the
 * fault, and a client's route pull follows within pollNameServerInterval, its answer a moment later.
 */
function signsWindowMs(config: Pick<SimConfig, 'brokerChannelExpiredTimeMs' | 'scanNotActiveBrokerIntervalMs' | 'pollNameServerIntervalMs'>): number {
  return config.brokerChannelExpiredTimeMs + config.scanNotActiveBrokerIntervalMs + config.pollNameServerIntervalMs + ANSWER_MARGIN_MS;
}

const ANSWER_MARGIN_MS = 1_000;

/** Engine events one ask may simulate: about 10 ms of work (Node, the reference scenario: median 6.6 ms, p90 13.5), which a frame of a run that plays can wait for. */
const SHARE_EVENTS = 10_000;
/** Virtual time simulated between looks at the share's events. */
const STEP_MS = 1_000;

/** Where the look ahead stops: the window after the timeline's last broker fault, within the run. */
export function lookAheadEndMs(scenario: Scenario): number {
  const faults = scenario.timeline.filter((action) => isBrokerFault(action.action));
  if (faults.length === 0) return 0;
  const last = Math.max(...faults.map((action) => action.at));
  return Math.min(scenario.durationMs, last + signsWindowMs(scenario.config));
}

function isNameServer(state: Readonly<ModelState>, party: string): boolean {
  return state.nameServers[party] !== undefined;
}

/** When no running client's route lists the process any more, and the last to drop it; null while one still does, or none ever did. */
function routesGone(state: Readonly<ModelState>, fault: FaultRecord): { t: number; client: string } | null {
  let last: { t: number; client: string } | null = null;
  for (const [client, holder] of Object.entries(fault.holders ?? {})) {
    if (holder.stoppedAt === null) {
      if (state.clients[client]?.status !== 'stopped') return null;
    } else if (last === null || holder.stoppedAt > last.t) last = { t: holder.stoppedAt, client };
  }
  return last;
}

/** Every holder whose route pulls brought no route after the NameServers' drop, and the topics of those pulls. */
function unrefreshedOf(fault: FaultRecord): Unrefreshed {
  const holders = Object.entries(fault.holders ?? {}).filter(([, holder]) => holder.unrefreshed.length > 0);
  return { clients: holders.map(([client]) => client), topics: [...new Set(holders.flatMap(([, holder]) => holder.unrefreshed))] };
}

/** The first NameServers to stop listing the process, told by their detection when they have one. */
function nameServerSign(state: Readonly<ModelState>, fault: FaultRecord, detections: readonly Detection[]): Pick<FaultSign, 't' | 'detection' | 'parties'> | null {
  const detection = detections.find((d) => isNameServer(state, d.party));
  if (detection) return { t: detection.noticedAt, detection, parties: partiesAlike(detections, detection) };
  const drops = Object.entries(fault.nameServerDrops);
  if (drops.length === 0) return null;
  const t = Math.min(...drops.map(([, at]) => at));
  return { t, detection: null, parties: drops.filter(([, at]) => at === t).map(([nameServer]) => nameServer) };
}

/** The parties that noticed as `detection`'s did, in the same millisecond and by the same rule (both NameServers hear a close): told together. */
function partiesAlike(detections: readonly Detection[], detection: Detection): string[] {
  return detections.filter((d) => d.noticedAt === detection.noticedAt && d.how === detection.how && d.since === detection.since).map((d) => d.party);
}

function signsOfFault(state: Readonly<ModelState>, fault: FaultRecord): FaultSign[] {
  const base = { fault: fault.fault, target: fault.target, node: fault.node, faultAt: fault.at, nameServersDroppedAt: null, unrefreshed: { clients: [], topics: [] } };
  // Detections are recorded as they happen, so each fault's are in time order.
  const detections = state.detections.filter((d) => d.target === fault.target && d.faultAt === fault.at);
  const first = detections[0];
  const elected = detections.find((d) => d.how.startsWith('controller'));
  const nameServer = nameServerSign(state, fault, detections);
  const routes = routesGone(state, fault);
  const signs: FaultSign[] = [];
  if (first) signs.push({ ...base, t: first.noticedAt, kind: 'first', detection: first, parties: partiesAlike(detections, first) });
  if (elected && elected !== first) signs.push({ ...base, t: elected.noticedAt, kind: 'elected', detection: elected, parties: [elected.party] });
  if (nameServer && nameServer.detection !== first) signs.push({ ...base, ...nameServer, kind: 'nameServer' });
  if (routes) signs.push({ ...base, t: routes.t, kind: 'routes', detection: null, parties: [routes.client], nameServersDroppedAt: nameServer?.t ?? null, unrefreshed: unrefreshedOf(fault) });
  return signs.sort((a, b) => a.t - b.t);
}

/** The signs recorded in `state` up to `untilMs`: the same answer whichever run's state, once it has got there. */
export function signsOf(state: Readonly<ModelState>, untilMs: number): FaultSign[] {
  return state.faults.flatMap((fault) => signsOfFault(state, fault)).filter((sign) => sign.t <= untilMs);
}

interface LookAhead {
  endMs: number;
  /** The run ahead, until it reaches endMs; then only its answer is kept. */
  run: ReclaimingRun | null;
  done: FaultSigns | null;
}

const lookAheads = new WeakMap<TimelineView, LookAhead>();

function lookAheadOf(timeline: TimelineView): LookAhead {
  let ahead = lookAheads.get(timeline);
  if (!ahead) lookAheads.set(timeline, (ahead = { endMs: lookAheadEndMs(timeline.scenario), run: null, done: null }));
  return ahead;
}

/** Simulates about SHARE_EVENTS more of the run ahead, never past its end. */
function advance(ahead: LookAhead, scenario: Scenario): ReclaimingRun {
  const run = ahead.run ?? (ahead.run = startUntracedRun(scenario));
  const from = run.sim.eventsHandled;
  while (run.sim.now < ahead.endMs && run.sim.eventsHandled - from < SHARE_EVENTS) run.runUntil(Math.min(ahead.endMs, run.sim.now + STEP_MS));
  return run;
}

/** The signs of every broker fault, as far as the run has been looked at (all of them once `complete`). */
export function faultSigns(timeline: TimelineView, _args: Record<string, never> = {}): FaultSigns {
  const ahead = lookAheadOf(timeline);
  if (ahead.done) return ahead.done;
  // The Timeline itself has been there: its state at the end of the window holds every sign.
  if (timeline.now >= ahead.endMs) return (ahead.done = { signs: signsOf(timeline.state, ahead.endMs), complete: true });
  const run = advance(ahead, timeline.scenario);
  const answer = { signs: signsOf(run.sim.state, ahead.endMs), complete: run.sim.now >= ahead.endMs };
  if (answer.complete) {
    ahead.done = answer;
    ahead.run = null;
  }
  return answer;
}
