export { connectNats } from './connection';
export { ensureStreams, DUPLICATE_WINDOW_MS } from './streams';
export { EventPublisher, decodeEvent, followEvents } from './events';
export { Replies, type ReplyCallback } from './replies';
export type { SkippedEvent, StoredEvent } from './events';
export { WallboxCommands, type CommandDelivery } from './wallbox-commands';
