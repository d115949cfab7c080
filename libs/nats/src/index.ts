export { connectNats } from './connection';
export { ensureStreams, DUPLICATE_WINDOW_MS, PULL_EXPIRES_MS } from './streams';
export { EventPublisher, decodeEvent, followEvents, isConcurrentAppend, lastEventPerSubject } from './events';
export { readAggregate, type AggregateHistory, type AggregateSubjects } from './aggregates';
export { HeldLease, LeaseWatcher, openLeaseBucket, type LeaseWatcherOptions } from './leases';
export { Replies, type ReplyCallback } from './replies';
export type { SkippedEvent, StoredEvent } from './events';
export { WallboxCommands, type CommandDelivery } from './wallbox-commands';
export { FileStore, type StoredFile } from './file-store';
