import { Logger } from '@nestjs/common';
import { loadConfig } from '@voltstream/config';
import { startApi } from './api';

startApi(loadConfig()).catch((error: unknown) => {
  new Logger('api').fatal(error);
  process.exit(1);
});
