import type { LoggerService } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { checkCsr, DAY_MS, ensureCertificateAuthority, randomSerialNumber, signChargePointCertificate, type CertificateAuthority } from '@voltstream/certificates';
import { parseCertificateSigningReply, type CertificateSigner, type CertificateSigningReply, type CertificateSigningRequest, type Subjects } from '@voltstream/contracts';
import type { Config } from '@voltstream/config';

/** Signs a charge point's CSR, or says why not. Throws only for a CA that cannot be reached (the request is tried again). */
export interface ChargePointCa {
  readonly signer: CertificateSigner;
  sign(request: CertificateSigningRequest): Promise<CertificateSigningReply>;
}

/** An hour back: a wallbox whose clock runs a little late still takes its new certificate as valid. */
const CLOCK_SKEW_MS = 60 * 60 * 1000;

/** The CSMS's own CA: checks the CSR (signature, CN = identity), then signs it. */
export class CsmsCa implements ChargePointCa {
  readonly signer = 'csms';

  constructor(
    private readonly authority: CertificateAuthority,
    private readonly validityDays: number,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async sign({ identity, csr }: CertificateSigningRequest): Promise<CertificateSigningReply> {
    const check = await checkCsr(csr, identity);
    if (!check.ok) return { refused: check.reason };
    const now = this.clock().getTime();
    const terms = { serialNumber: randomSerialNumber(), notBefore: new Date(now - CLOCK_SKEW_MS), notAfter: new Date(now + this.validityDays * DAY_MS) };
    return { certificateChain: await signChargePointCertificate(this.authority, check.request, terms) };
  }
}

/** An external CA answering `subjects.externalCaSign` (README, Security: certificates). */
export class ExternalCa implements ChargePointCa {
  readonly signer = 'external';

  constructor(
    private readonly nc: NatsConnection,
    private readonly subjects: Subjects,
    private readonly timeoutMs: number,
  ) {}

  async sign(request: CertificateSigningRequest): Promise<CertificateSigningReply> {
    const reply = await this.nc.request(this.subjects.externalCaSign, JSON.stringify(request), { timeout: this.timeoutMs });
    return parseCertificateSigningReply(reply.data);
  }
}

/** No CA could be read or made: every request is refused with why, and the rest of the service runs on. */
class UnavailableCa implements ChargePointCa {
  readonly signer = 'csms';

  constructor(private readonly reason: string) {}

  async sign(): Promise<CertificateSigningReply> {
    return { refused: this.reason };
  }
}

/** The CA the configuration names; the CSMS's own is read, or made on first start. */
export async function configuredCa(config: Config, nc: NatsConnection, subjects: Subjects, logger: LoggerService): Promise<ChargePointCa> {
  if (config.certificateSigner === 'external') return new ExternalCa(nc, subjects, config.ocppCallTimeout * 1000);
  const { certFile, keyFile } = config.csmsCa;
  try {
    const { authority, created } = await ensureCertificateAuthority(certFile, keyFile, 'Voltstream CSMS CA');
    if (created) logger.log(`Made the CSMS CA: ${certFile} (give it to wallboxes as CentralSystemRootCertificate) and its key ${keyFile}`);
    return new CsmsCa(authority, config.chargePointCertificateDays);
  } catch (error) {
    const reason = `the CSMS has no CA (CSMS_CA_CERT ${certFile}, CSMS_CA_KEY ${keyFile}): ${error instanceof Error ? error.message : String(error)}`;
    logger.error(`${reason}; SignCertificate requests are refused until it is configured`);
    return new UnavailableCa(reason);
  }
}
