import { loadConfig } from '@voltstream/config';
import { startApi } from './api';

startApi(loadConfig()).catch((error: unknown) => {
  console.error('The API could not start:', error);
  process.exit(1);
});
