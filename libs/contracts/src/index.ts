export * from './billing';
export * from './charging';
export * from './event-subjects';
export * from './events';
export * from './rpc';
export * from './subjects';
export * from './parking';
