export { decideBoot } from './boot';
export type { BootDecision, UnknownChargePointPolicy } from './boot';
export { decideTag } from './tags';
export type { TagDecision } from './tags';
export { decideAutoStart, DEFAULT_AUTO_START_ID_TAG, AUTO_START_MAX_EVENT_AGE_MS } from './auto-start';
export type { RemoteStartCommand } from './auto-start';
