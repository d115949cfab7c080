export { decideSigning, type SigningStep } from './signing';
