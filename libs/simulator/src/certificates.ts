import {
  certificateHashData,
  CertificateError,
  checkChain,
  createCsr,
  parseCertificates,
  sameHashData,
  type CertificateHashData,
  type x509,
} from '@voltstream/certificates';
import type { CsmsCallAnswer } from './connection';
import { OcppError, type Payload } from './framing';

export const ROOT_CERTIFICATE_TYPES = ['CentralSystemRootCertificate', 'ManufacturerRootCertificate'] as const;
type RootType = (typeof ROOT_CERTIFICATE_TYPES)[number];
type CertificateUse = RootType | 'ChargePointCertificate';

interface StoredCertificate {
  use: CertificateUse;
  pem: string;
  certificate: x509.X509Certificate;
  hashData: CertificateHashData;
}

/** What the certificate procedures need of the wallbox that runs them. */
export interface CertificateHost {
  readonly identity: string;
  readonly certificates: CertificateStore;
  call(action: string, payload: object): Promise<Payload>;
}

/**
 * A wallbox's certificate store (security whitepaper): the roots it trusts, installed and deleted
 * by the CSMS, and its own charge point certificate with the key its last CSR was made for.
 */
export class CertificateStore {
  private readonly stored: StoredCertificate[] = [];
  /** The key of the CSR sent last: the certificate CertificateSigned brings must be for it. */
  private pendingKeyPem: string | undefined;
  private ownKeyPem: string | undefined;

  /** Installs a root; Rejected for a text that is not a certificate. Installing one it holds changes nothing. */
  async install(use: CertificateUse, pem: string): Promise<'Accepted' | 'Rejected'> {
    let certificate: x509.X509Certificate;
    try {
      [certificate] = parseCertificates(pem);
    } catch (error) {
      if (error instanceof CertificateError) return 'Rejected';
      throw error;
    }
    const issuer = this.stored.find((candidate) => candidate.certificate.subject === certificate.issuer)?.certificate ?? certificate;
    const hashData = await certificateHashData(certificate, issuer);
    if (!this.stored.some((entry) => sameHashData(entry.hashData, hashData))) this.stored.push({ use, pem, certificate, hashData });
    return 'Accepted';
  }

  ids(use: CertificateUse): CertificateHashData[] {
    return this.stored.filter((entry) => entry.use === use).map((entry) => entry.hashData);
  }

  pems(use: CertificateUse): string[] {
    return this.stored.filter((entry) => entry.use === use).map((entry) => entry.pem);
  }

  /** M04: a root is deleted; its own certificate never (Failed), an unknown one NotFound. */
  delete(hashData: CertificateHashData): 'Accepted' | 'Failed' | 'NotFound' {
    const index = this.stored.findIndex((entry) => sameHashData(entry.hashData, hashData));
    if (index < 0) return 'NotFound';
    if (this.stored[index].use === 'ChargePointCertificate') return 'Failed';
    this.stored.splice(index, 1);
    return 'Accepted';
  }

  /** A new key pair and its CSR, CN = identity; the key waits for the certificate. */
  async newCsr(identity: string): Promise<string> {
    const { csrPem, keyPem } = await createCsr(identity, 'ecdsa', 'Voltstream simulator');
    this.pendingKeyPem = keyPem;
    return csrPem;
  }

  /** CertificateSigned (A02): installed when it chains to a CentralSystemRootCertificate it holds, for this wallbox. */
  async acceptChain(identity: string, chainPem: string, at: Date): Promise<{ ok: true } | { ok: false; reason: string }> {
    if (this.pendingKeyPem === undefined) return { ok: false, reason: 'no certificate signing request is waiting' };
    const check = await checkChain(chainPem, this.pems('CentralSystemRootCertificate'), identity, at);
    if (!check.ok) return check;
    for (const entry of this.stored.filter((candidate) => candidate.use === 'ChargePointCertificate')) this.stored.splice(this.stored.indexOf(entry), 1);
    const issuer = parseCertificates(chainPem)[1] ?? check.leaf;
    this.stored.push({ use: 'ChargePointCertificate', pem: check.leaf.toString('pem'), certificate: check.leaf, hashData: await certificateHashData(check.leaf, issuer) });
    this.ownKeyPem = this.pendingKeyPem;
    this.pendingKeyPem = undefined;
    return { ok: true };
  }

  /** Its own certificate and key (PEM) once CertificateSigned installed one: for a profile 3 connection. */
  get chargePointCertificate(): { certPem: string; keyPem: string } | undefined {
    const own = this.stored.find((entry) => entry.use === 'ChargePointCertificate');
    return own && this.ownKeyPem ? { certPem: own.pem, keyPem: this.ownKeyPem } : undefined;
  }
}

function text(payload: Payload, field: string, max: number): string {
  const value = payload[field];
  if (value === undefined) throw new OcppError('OccurenceConstraintViolation', `${field} is required`);
  if (typeof value !== 'string') throw new OcppError('TypeConstraintViolation', `${field} must be a string`);
  if (value.length > max) throw new OcppError('PropertyConstraintViolation', `${field} is longer than ${max}`);
  return value;
}

function rootType(payload: Payload): RootType {
  const value = text(payload, 'certificateType', 50);
  if (!(ROOT_CERTIFICATE_TYPES as readonly string[]).includes(value)) throw new OcppError('PropertyConstraintViolation', `certificateType must be one of ${ROOT_CERTIFICATE_TYPES.join(', ')}`);
  return value as RootType;
}

function hashDataField(payload: Payload): CertificateHashData {
  const data = payload.certificateHashData;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new OcppError('TypeConstraintViolation', 'certificateHashData must be an object');
  const fields = data as Payload;
  const hashAlgorithm = text(fields, 'hashAlgorithm', 6);
  if (!['SHA256', 'SHA384', 'SHA512'].includes(hashAlgorithm)) throw new OcppError('PropertyConstraintViolation', 'hashAlgorithm must be SHA256, SHA384 or SHA512');
  return {
    hashAlgorithm: hashAlgorithm as CertificateHashData['hashAlgorithm'],
    issuerNameHash: text(fields, 'issuerNameHash', 128),
    issuerKeyHash: text(fields, 'issuerKeyHash', 128),
    serialNumber: text(fields, 'serialNumber', 40),
  };
}

export function installCertificate(cp: CertificateHost, payload: Payload): CsmsCallAnswer {
  const use = rootType(payload);
  const pem = text(payload, 'certificate', 5500);
  return { reply: cp.certificates.install(use, pem).then((status) => ({ status })) };
}

export function getInstalledCertificateIds(cp: CertificateHost, payload: Payload): CsmsCallAnswer {
  const ids = cp.certificates.ids(rootType(payload));
  return { reply: ids.length ? { status: 'Accepted', certificateHashData: ids } : { status: 'NotFound' } };
}

export function deleteCertificate(cp: CertificateHost, payload: Payload): CsmsCallAnswer {
  return { reply: { status: cp.certificates.delete(hashDataField(payload)) } };
}

/** ExtendedTriggerMessage SignChargePointCertificate (A02): a new key pair, its CSR sent with SignCertificate. */
export function signChargePointCertificate(cp: CertificateHost): CsmsCallAnswer {
  return { reply: { status: 'Accepted' }, afterwards: async () => cp.call('SignCertificate', { csr: await cp.certificates.newCsr(cp.identity) }) };
}

/** CertificateSigned: Accepted and installed, or Rejected with a SecurityEventNotification InvalidChargePointCertificate (TC_077). */
export function certificateSigned(cp: CertificateHost, payload: Payload): CsmsCallAnswer {
  const chain = text(payload, 'certificateChain', 10000);
  const checked = cp.certificates.acceptChain(cp.identity, chain, new Date());
  let refusal: string | undefined;
  const reply = checked.then((check) => {
    refusal = check.ok ? undefined : check.reason;
    return { status: check.ok ? 'Accepted' : 'Rejected' };
  });
  const afterwards = async () => {
    if (refusal !== undefined) await cp.call('SecurityEventNotification', { type: 'InvalidChargePointCertificate', timestamp: new Date().toISOString(), techInfo: refusal.slice(0, 255) });
  };
  return { reply, afterwards };
}
