export { uniqueNamespace, testEnv } from './environment';
