export { RegistryView, evolveRegistration, evolveCentralTag } from './registry/registry';
export type { Registration } from './registry/registry';
export { hashPassword, verifyPassword } from './registry/password';
