export { CertificateError, parseCertificates, pemBlocks, randomSerialNumber, keyPair, privateKeyPem, signingAlgorithmOf, x509, DAY_MS, ECDSA as ECDSA_SIGNING } from './x509';
export type { KeyAlgorithm } from './x509';
export { certificateHashData, sameHashData, serialNumberHex, type CertificateHashData, type HashAlgorithm } from './hash-data';
export { checkCsr, commonNamesOf, createCsr, parseCsr, type CsrCheck } from './csr';
export {
  createCertificateAuthority,
  ensureCertificateAuthority,
  readCertificateAuthority,
  signChargePointCertificate,
  type CertificateAuthority,
  type SigningTerms,
} from './authority';
export { checkChain, type ChainCheck } from './chain';
