import { certificateHashData, checkCsr, createCertificateAuthority, parseCsr, signChargePointCertificate, DAY_MS } from '@voltstream/certificates';
import { describe, expect, it } from 'vitest';
import { CertificateStore } from './certificates';

const terms = () => ({ serialNumber: '0c', notBefore: new Date(Date.now() - DAY_MS), notAfter: new Date(Date.now() + DAY_MS) });

describe('the simulated wallbox\'s certificate store (security whitepaper)', () => {
  it('installs roots by type, lists their whitepaper hash data, deletes one by it (NotFound after)', async () => {
    const store = new CertificateStore();
    const [csms, maker] = await Promise.all([createCertificateAuthority('CSMS'), createCertificateAuthority('Maker')]);
    expect(await store.install('CentralSystemRootCertificate', csms.certPem)).toBe('Accepted');
    expect(await store.install('ManufacturerRootCertificate', maker.certPem)).toBe('Accepted');
    expect(await store.install('ManufacturerRootCertificate', maker.certPem)).toBe('Accepted');
    expect(store.ids('ManufacturerRootCertificate')).toEqual([await certificateHashData(maker.certificate)]);
    expect(store.delete(await certificateHashData(maker.certificate))).toBe('Accepted');
    expect(store.delete(await certificateHashData(maker.certificate))).toBe('NotFound');
    expect(store.ids('ManufacturerRootCertificate')).toEqual([]);
    expect(store.ids('CentralSystemRootCertificate')).toHaveLength(1);
  });

  it.each(['', 'hello', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'])('answers garbage Rejected: %j', async (pem) => {
    expect(await new CertificateStore().install('ManufacturerRootCertificate', pem)).toBe('Rejected');
  });

  it('makes a CSR for its identity, installs the chain that verifies to its CSMS root, and never deletes its own certificate', async () => {
    const store = new CertificateStore();
    const csms = await createCertificateAuthority('CSMS');
    await store.install('CentralSystemRootCertificate', csms.certPem);
    const csr = await store.newCsr('CP-7');
    expect(await checkCsr(csr, 'CP-7')).toMatchObject({ ok: true });
    const chain = await signChargePointCertificate(csms, parseCsr(csr), terms());
    expect(await store.acceptChain('CP-7', chain, new Date())).toEqual({ ok: true });
    expect(store.chargePointCertificate?.keyPem).toContain('PRIVATE KEY');
    expect(store.delete(store.ids('ChargePointCertificate')[0])).toBe('Failed');
  });

  it('refuses a chain from another CA, or one it did not ask for', async () => {
    const store = new CertificateStore();
    const [csms, other] = await Promise.all([createCertificateAuthority('CSMS'), createCertificateAuthority('Other')]);
    await store.install('CentralSystemRootCertificate', csms.certPem);
    const foreign = await signChargePointCertificate(other, parseCsr(await store.newCsr('CP-7')), terms());
    expect(await store.acceptChain('CP-7', foreign, new Date())).toMatchObject({ ok: false });
    expect(await new CertificateStore().acceptChain('CP-7', foreign, new Date())).toEqual({ ok: false, reason: 'no certificate signing request is waiting' });
    expect(store.chargePointCertificate).toBeUndefined();
  });
});
