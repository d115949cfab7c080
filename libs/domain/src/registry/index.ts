export { RegistryView, evolveRegistration, evolveCentralTag, foldCentralTag, foldRegistration } from './registry';
export type { Registration } from './registry';
export { hashPassword, verifyPassword } from './password';
