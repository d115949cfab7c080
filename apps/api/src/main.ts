import { Logger } from '@nestjs/common';
import { loadServiceConfig } from '@voltstream/logging';
import { startApi } from './api';

startApi(loadServiceConfig('api')).catch((error: unknown) => {
  new Logger('api').fatal(error);
  process.exit(1);
});
