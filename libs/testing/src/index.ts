export { uniqueNamespace, testEnv } from './environment';
export { tagEntry } from './fixtures';
export { countEvents, deleteStreams, eventsOf, lastEvent } from './event-log';
export { GatewayProcess } from './gateway-process';
