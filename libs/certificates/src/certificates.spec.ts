import { describe, expect, it } from 'vitest';
import { createCertificateAuthority, signChargePointCertificate } from './authority';
import { checkChain } from './chain';
import { checkCsr, createCsr, parseCsr } from './csr';
import { certificateHashData, sameHashData } from './hash-data';
import { CertificateError, DAY_MS, parseCertificates } from './x509';

/** A CA and a charge point certificate it signed, made once by this library; the expected hashes are OpenSSL's (`openssl ocsp -issuer ca.pem -sha256 -cert leaf.pem -reqout req.der`, then `-req_text`). */
const KAT_CA = `-----BEGIN CERTIFICATE-----
MIIBejCCASGgAwIBAgIQAVNa98G/tMSo+zPNTUAbDzAKBggqhkjOPQQDAjAcMRow
GAYDVQQDExFWb2x0c3RyZWFtIEtBVCBDQTAeFw0yNjEyMDQwMTIzMTZaFw0zNjEy
MDIwMTIzMTZaMBwxGjAYBgNVBAMTEVZvbHRzdHJlYW0gS0FUIENBMFkwEwYHKoZI
zj0CAQYIKoZIzj0DAQcDQgAE2aZToZEekOD/WOsq8RGQw7YoxhlhUglVxjLiIlHN
6KY8JU8GEWiUUYyFy02KLdzQVmQFKbIKmvW3ukAZAnetG6NFMEMwEgYDVR0TAQH/
BAgwBgEB/wIBADAOBgNVHQ8BAf8EBAMCAQYwHQYDVR0OBBYEFNuAeMnnmG0BzfnR
JUUiCJa1X14GMAoGCCqGSM49BAMCA0cAMEQCIC8HeBPNY4Uvg2tUcSQcBvVmjzJ3
li1QX3Av+aIS/mGQAiAuWlxPvFL46omsNnBvt8D+srfi4+ICOfTpsfD46uKijg==
-----END CERTIFICATE-----`;
const KAT_LEAF = `-----BEGIN CERTIFICATE-----
MIIBdzCCAR2gAwIBAgIEAKGywzAKBggqhkjOPQQDAjAcMRowGAYDVQQDExFWb2x0
c3RyZWFtIEtBVCBDQTAeFw0yNjAxMDEwMDAwMDBaFw0zNjAxMDEwMDAwMDBaMBMx
ETAPBgNVBAMTCENQLUtBVC0xMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEulSA
NgCY99hIGJC+ZY4K0nFJ5cGQBii6G2mCk/bV5dpZl9GfQNWDPp0ABwMZ/qO6F08h
bF6noqyIrPpD+odr1qNWMFQwDAYDVR0TAQH/BAIwADAOBgNVHQ8BAf8EBAMCA4gw
EwYDVR0lBAwwCgYIKwYBBQUHAwIwHwYDVR0jBBgwFoAU24B4yeeYbQHN+dElRSII
lrVfXgYwCgYIKoZIzj0EAwIDSAAwRQIgZs+ILaJG1Er3kWRBPOOjhl052UMTpTIa
9rSjZTeSBAoCIQCahQSNjEavEjLtwuwRvfRQYWawzY9vzctpLVd8j77kaA==
-----END CERTIFICATE-----`;

const TERMS = { serialNumber: '0a1b', notBefore: new Date(Date.now() - DAY_MS), notAfter: new Date(Date.now() + DAY_MS) };

describe('certificate hash data (whitepaper CertificateHashDataType, as OCSP CertID)', () => {
  it('equals what OpenSSL computes for a certificate and its issuer', async () => {
    const [[ca], [leaf]] = [parseCertificates(KAT_CA), parseCertificates(KAT_LEAF)];
    expect(await certificateHashData(leaf, ca)).toEqual({
      hashAlgorithm: 'SHA256',
      issuerNameHash: '233cd39dbbb05cdb9f896516877b57f370b7dc0b5cdbda1996ec0093ff3c1cd7',
      issuerKeyHash: 'ecc1460e516e27b0256f986442e9ed5c2898cd2b8f878b608c8cd2fa17e36864',
      serialNumber: 'a1b2c3',
    });
  });

  it('hashes a root with itself as issuer, in SHA384 too', async () => {
    const [ca] = parseCertificates(KAT_CA);
    const data = await certificateHashData(ca, ca, 'SHA384');
    expect(data.issuerNameHash).toMatch(/^78fa204b37ae6b05b6098dc7387581a3557fdee2da573223da50f9678e402c3a08c819/);
    expect(data.issuerKeyHash).toMatch(/^0656522f3d4e90ae2b5a78e3cdedacf04511caf7b50b83bc1ab2b735be8da9c5887012/);
    expect(data.serialNumber).toBe('1535af7c1bfb4c4a8fb33cd4d401b0f');
    expect(data.issuerNameHash).toHaveLength(96);
  });

  it('compares hash data without regard to hex case or leading zeroes of the serial', async () => {
    const [ca] = parseCertificates(KAT_CA);
    const data = await certificateHashData(ca);
    expect(sameHashData(data, { ...data, issuerKeyHash: data.issuerKeyHash.toUpperCase(), serialNumber: `00${data.serialNumber}` })).toBe(true);
    expect(sameHashData(data, { ...data, serialNumber: '02' })).toBe(false);
    expect(sameHashData(data, { ...data, hashAlgorithm: 'SHA512' })).toBe(false);
  });
});

describe('PEM parsing of hostile input', () => {
  it.each([
    ['empty', ''],
    ['not PEM', 'hello'],
    ['a PEM block of garbage', '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----'],
    ['a truncated certificate', KAT_CA.slice(0, 200) + '\n-----END CERTIFICATE-----'],
  ])('%s: a CertificateError that says why', (_name, pem) => {
    expect(() => parseCertificates(pem)).toThrow(CertificateError);
  });
});

describe('checkCsr: what the CSMS signs', () => {
  it('accepts a request signed by its key whose CN is the identity', async () => {
    const { csrPem } = await createCsr('CP-1');
    expect(await checkCsr(csrPem, 'CP-1')).toMatchObject({ ok: true });
  });

  it('refuses a request for another identity', async () => {
    const { csrPem } = await createCsr('CP-2');
    expect(await checkCsr(csrPem, 'CP-1')).toEqual({ ok: false, reason: expect.stringContaining('CN must be the identity "CP-1"') });
  });

  it('refuses a request whose signature does not verify (a byte of its signature changed)', async () => {
    const { csrPem } = await createCsr('CP-1');
    const der = Buffer.from(csrPem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
    der[der.length - 3] ^= 0x01;
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----`;
    expect(await checkCsr(tampered, 'CP-1')).toEqual({ ok: false, reason: expect.stringMatching(/signature|does not parse/) });
  });

  it.each([
    ['no PEM', 'MIIB'],
    ['garbage inside', '-----BEGIN CERTIFICATE REQUEST-----\n!!!!\n-----END CERTIFICATE REQUEST-----'],
    ['a certificate instead', KAT_CA],
    ['two requests', ''],
  ])('refuses malformed input with a reason, never a throw: %s', async (name, input) => {
    const pem = name === 'two requests' ? (await createCsr('CP-1')).csrPem.repeat(2) : input;
    expect(await checkCsr(pem, 'CP-1')).toEqual({ ok: false, reason: expect.any(String) });
  });
});

describe('a signed chain, as a wallbox checks it', () => {
  it('verifies to the CA, for the identity, in RSA as in ECDSA', async () => {
    const ca = await createCertificateAuthority('Test CSMS CA');
    for (const algorithm of ['ecdsa', 'rsa'] as const) {
      const { csrPem } = await createCsr('CP-1', algorithm);
      const chain = await signChargePointCertificate(ca, parseCsr(csrPem), TERMS);
      expect(parseCertificates(chain)).toHaveLength(2);
      expect(await checkChain(chain, [ca.certPem], 'CP-1', new Date())).toMatchObject({ ok: true });
    }
  });

  it('refuses a chain of another CA, for another identity, or expired', async () => {
    const [ca, other] = await Promise.all([createCertificateAuthority('Test CSMS CA'), createCertificateAuthority('Someone else')]);
    const chain = await signChargePointCertificate(ca, parseCsr((await createCsr('CP-1')).csrPem), TERMS);
    expect(await checkChain(chain, [other.certPem], 'CP-1', new Date())).toMatchObject({ ok: false, reason: expect.stringContaining('trusted issuer') });
    expect(await checkChain(chain, [ca.certPem], 'CP-2', new Date())).toMatchObject({ ok: false, reason: expect.stringContaining('not for CP-2') });
    expect(await checkChain(chain, [ca.certPem], 'CP-1', new Date(Date.now() + 2 * DAY_MS))).toMatchObject({ ok: false, reason: expect.stringContaining('not valid now') });
    expect(await checkChain('garbage', [ca.certPem], 'CP-1', new Date())).toMatchObject({ ok: false, reason: expect.stringContaining('no PEM certificate') });
  });
});
