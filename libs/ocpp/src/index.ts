export type { Relaxation } from '@voltstream/contracts';
export * from './errors';
export {
  CALL,
  CALL_ERROR,
  CALL_RESULT,
  MAX_UNIQUE_ID_LENGTH,
  parseFrame,
  serializeCall,
  serializeCallError,
  serializeCallResult,
  type CallErrorFrame,
  type CallFrame,
  type CallResultFrame,
  type OcppFrame,
  type ParsedFrame,
} from './framing';
export { MAX_PAYLOAD_DEPTH, nestsDeeperThan } from './nesting';
export * from './v16';
