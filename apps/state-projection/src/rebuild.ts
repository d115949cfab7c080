import { Logger } from '@nestjs/common';
import type { Config } from '@voltstream/config';
import { deleteEventsConsumer } from './events-consumer';
import { closeConnections, openConnections, runProjection } from './projection';
import { ProjectionLock } from './projection-lock';

/**
 * Rebuilds the read models from the first event of the log, then returns: empties the
 * projected tables, resets the checkpoint, recreates the durable consumer and replays. Refuses
 * while a state-projection service holds the projection lock. Transactions already published for billing
 * are not published again (the billing outbox survives a rebuild).
 */
export async function rebuildProjection(config: Config): Promise<void> {
  const logger = new Logger('Rebuild');
  const connections = await openConnections(config);
  try {
    const lock = await ProjectionLock.tryTake(connections.dataSource);
    if (!lock) throw new Error('A state projection is running on these read models: stop it (all replicas) before a rebuild');
    const jsm = await connections.nc.jetstreamManager();
    await deleteEventsConsumer(jsm, connections.subjects);
    await connections.store.reset();
    const last = (await jsm.streams.info(connections.subjects.eventsStream)).state.last_seq;
    logger.log(`Read models emptied; replaying events up to ${last}`);
    const projection = await runProjection(connections, { lock });
    await projection.reached(last);
    await projection.close();
    logger.log(`Read models rebuilt up to event ${last}`);
  } finally {
    await closeConnections(connections);
  }
}
