export { uniqueNamespace, testEnv } from './environment';
export { tagEntry } from './fixtures';
export { countEvents, deleteStreams, eventsBreakingTheirContract, eventsOf, lastEvent } from './event-log';
export { GatewayProcess } from './gateway-process';
export { callText, FIELDS, hostileFrame, integerFieldsOfSchemas, type Expected, type HostileFrame } from './hostile-frames';
export { PipelinedWallbox, type Frame } from './pipelined-wallbox';
