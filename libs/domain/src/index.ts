export * from './registry';
export * from './operations';
export * from './authorization';
export * from './projection';
export * from './local-list';
export * from './firmware';
export * from './certificates';
