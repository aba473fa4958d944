export { AppendLog } from './append-log.ts';
export { cloneState, deepFreeze } from './clone.ts';
export { copyDict, dict, dictFrom } from './dict.ts';
export { MarkSet, SerialMarkSet } from './mark-set.ts';
export { linkKey, type Delivery, type NetEvent, type SendOutcome } from './network.ts';
export { Rng } from './rng.ts';
export { Simulation, type HandlerTable, type Snapshot } from './simulation.ts';
