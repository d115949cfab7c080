export { RegistryView, evolveRegistration, evolveCentralTag } from './registry';
export type { Registration } from './registry';
export { hashPassword, verifyPassword } from './password';
