import { Logger } from '@nestjs/common';
import type { Config } from '@voltstream/config';
import { deleteEventsConsumer } from './events-consumer';
import { closeConnections, openConnections, runProjection } from './projection';

/**
 * Rebuilds the read models from the first event of the log, then returns: empties the
 * projected tables, resets the checkpoint, recreates the durable consumer and replays. Run it
 * while the state-projection service is stopped. Transactions already published for billing
 * are not published again (the billing outbox survives a rebuild).
 */
export async function rebuildProjection(config: Config): Promise<void> {
  const logger = new Logger('Rebuild');
  const connections = await openConnections(config);
  try {
    const jsm = await connections.nc.jetstreamManager();
    await deleteEventsConsumer(jsm, connections.subjects);
    await connections.store.reset();
    const last = (await jsm.streams.info(connections.subjects.eventsStream)).state.last_seq;
    logger.log(`Read models emptied; replaying events up to ${last}`);
    const projection = await runProjection(connections);
    await projection.reached(last);
    await projection.close();
    logger.log(`Read models rebuilt up to event ${last}`);
  } finally {
    await closeConnections(connections);
  }
}
