export { connectNats } from './connection';
export { ensureStreams, DUPLICATE_WINDOW_MS } from './streams';
export { EventPublisher, decodeEvent, followEvents, isConcurrentAppend } from './events';
export { readAggregate, type AggregateHistory, type AggregateSubjects } from './aggregates';
export { Replies, type ReplyCallback } from './replies';
export type { StoredEvent } from './events';
export { WallboxCommands, type CommandDelivery } from './wallbox-commands';
