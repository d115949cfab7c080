import {
  CERTIFICATE_USES,
  DELETE_CERTIFICATE_STATUSES,
  GENERIC_STATUSES,
  GET_INSTALLED_CERTIFICATE_STATUSES,
  HASH_ALGORITHMS,
  INSTALL_CERTIFICATE_STATUSES,
  type CertificateUse,
  type DeleteCertificateStatus,
  type GenericStatus,
  type GetInstalledCertificateStatus,
  type HashAlgorithm,
  type InstallCertificateStatus,
} from './enums';
import { ciString, nested, nestedList, oneOf, Optional, Required } from './fields';

/** OCPP 1.6 Security Whitepaper (edition 3): certificate management (use cases A02, A03, M03–M05). */

/** Identifies a certificate as OCSP does (RFC 6960 CertID): hashes of its issuer's name and key, and its serial number in hex. */
export class CertificateHashData {
  @Required(oneOf(HASH_ALGORITHMS)) hashAlgorithm: HashAlgorithm;
  @Required(ciString(128)) issuerNameHash: string;
  @Required(ciString(128)) issuerKeyHash: string;
  @Required(ciString(40)) serialNumber: string;
}

/** Sent by the charge point: a PEM PKCS#10 certificate signing request. */
export class SignCertificateRequest {
  @Required(ciString(5500)) csr: string;
}

export class SignCertificateConfirmation {
  @Required(oneOf(GENERIC_STATUSES)) status: GenericStatus;
}

/** A PEM chain: the charge point's certificate first, then intermediates. */
export class CertificateSignedRequest {
  @Required(ciString(10000)) certificateChain: string;
}

export class CertificateSignedConfirmation {
  @Required(oneOf(GENERIC_STATUSES)) status: GenericStatus;
}

export class InstallCertificateRequest {
  @Required(oneOf(CERTIFICATE_USES)) certificateType: CertificateUse;
  @Required(ciString(5500)) certificate: string;
}

export class InstallCertificateConfirmation {
  @Required(oneOf(INSTALL_CERTIFICATE_STATUSES)) status: InstallCertificateStatus;
}

export class GetInstalledCertificateIdsRequest {
  @Required(oneOf(CERTIFICATE_USES)) certificateType: CertificateUse;
}

export class GetInstalledCertificateIdsConfirmation {
  @Required(oneOf(GET_INSTALLED_CERTIFICATE_STATUSES)) status: GetInstalledCertificateStatus;
  @Optional(nestedList(() => CertificateHashData, 1)) certificateHashData?: CertificateHashData[];
}

export class DeleteCertificateRequest {
  @Required(nested(() => CertificateHashData)) certificateHashData: CertificateHashData;
}

export class DeleteCertificateConfirmation {
  @Required(oneOf(DELETE_CERTIFICATE_STATUSES)) status: DeleteCertificateStatus;
}
