import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@voltstream/config';
import { startAuthorization } from './bootstrap';

void startAuthorization(loadConfig()).catch((error: unknown) => {
  new Logger('authorization').fatal(error);
  process.exit(1);
});
