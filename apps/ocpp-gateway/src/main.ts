import { setFlagsFromString } from 'node:v8';
import { Logger } from '@nestjs/common';
import { loadServiceConfig } from '@voltstream/logging';
import { startGateway } from './gateway';

/**
 * A gateway's memory is the wallboxes it holds. By default V8 lets the old generation grow to up
 * to four times the live heap before a full collection, so a burst of boots leaves a pod holding
 * twice what its connections need for as long as it stays quiet. Growing by half at most keeps
 * the resident memory close to the live heap, for some more (concurrent) marking work
 * (docs/performance.md).
 */
setFlagsFromString('--heap-growing-percent=50');

const logger = new Logger('ocpp-gateway');

/**
 * Every path a wallbox or an operator drives catches what it throws and costs at most that
 * wallbox its answer or its connection (station-session.ts). A rejection that still escapes is a
 * bug to log, not a reason to drop every wallbox of the pod: nobody awaited it, so no state is left
 * half-updated. An uncaught exception keeps Node's default (exit), as it may have been thrown
 * midway through a change of state.
 */
process.on('unhandledRejection', (reason: unknown) => {
  logger.error(`unhandled rejection: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});
startGateway(loadServiceConfig('ocpp-gateway')).then(
  // "listening on port N" is the ws:// port, as tests and operators read it.
  ({ port, tlsPort, logger: gatewayLogger }) =>
    gatewayLogger.info({ port, tlsPort }, `listening on port ${port ?? 'off'}${tlsPort === null ? '' : `, wss:// on port ${tlsPort}`}`),
  (error: unknown) => {
    logger.error(`could not start: ${String(error)}`);
    process.exit(1);
  },
);
