import { Logger } from '@nestjs/common';
import { loadConfig } from '@voltstream/config';
import { startGateway } from './gateway';

const logger = new Logger('ocpp-gateway');
startGateway(loadConfig()).then(
  ({ port }) => logger.log(`listening on port ${port}`),
  (error: unknown) => {
    logger.error(`could not start: ${String(error)}`);
    process.exit(1);
  },
);
