import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadServiceConfig } from '@voltstream/logging';
import { startAuthorization } from './bootstrap';

void startAuthorization(loadServiceConfig('authorization')).catch((error: unknown) => {
  new Logger('authorization').fatal(error);
  process.exit(1);
});
