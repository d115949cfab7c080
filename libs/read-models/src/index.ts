export { ChargePointRow } from './entities/charge-point.entity';
export type { ChargePointState } from './entities/charge-point.entity';
export { ConnectorRow } from './entities/connector.entity';
export { ProjectionCheckpointRow } from './entities/projection-checkpoint.entity';
export { readModelOptions, ensureDatabase, openReadModels, dropDatabase, READ_MODEL_ENTITIES, READ_MODEL_MIGRATIONS } from './data-source';
