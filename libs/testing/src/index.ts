export { uniqueNamespace, testEnv } from './environment';
export { tagEntry } from './fixtures';
