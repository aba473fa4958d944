export { AppendLog } from './append-log.ts';
export { cloneState, deepFreeze } from './clone.ts';
export { copyDict, dict, dictFrom, type Dict } from './dict.ts';
export { MarkSet, SerialMarkSet } from './mark-set.ts';
export { EventQueue } from './event-queue.ts';
export { Network, linkKey, type Delivery, type NetEvent, type SendOutcome, type LinkLatency } from './network.ts';
export { Rng } from './rng.ts';
export { Simulation, type EngineEvent, type HandlerTable, type Snapshot } from './simulation.ts';
