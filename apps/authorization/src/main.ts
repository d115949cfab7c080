import 'reflect-metadata';
import { loadConfig } from '@voltstream/config';
import { startAuthorization } from './bootstrap';

void startAuthorization(loadConfig()).catch((error: unknown) => {
  console.error('The authorization service could not start:', error);
  process.exit(1);
});
