import { describe, expect, it } from 'vitest';
import { fileNameProblem } from './file-names';
import { diagnosticsUploadUrl, firmwareDownloadUrl, linkToken, linkTokenMatches } from './links';

const SECRET = 'operator-token';

describe('links a wallbox follows without a bearer token', () => {
  it('a link token is the same on every replica that shares the API token, and different for another grant or token', () => {
    const grant = { kind: 'diagnosticsUpload', identity: 'CP-1' } as const;
    expect(linkToken(SECRET, grant)).toBe(linkToken(SECRET, { ...grant }));
    expect(linkToken(SECRET, grant)).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(linkToken(SECRET, { kind: 'diagnosticsUpload', identity: 'CP-2' })).not.toBe(linkToken(SECRET, grant));
    expect(linkToken('another-token', grant)).not.toBe(linkToken(SECRET, grant));
    // The same text under another kind of grant is another capability.
    expect(linkToken(SECRET, { kind: 'firmwareImage', name: 'CP-1' })).not.toBe(linkToken(SECRET, grant));
  });

  it('admits only its own token: not another charge point’s, not a truncated or empty one', () => {
    const grant = { kind: 'diagnosticsUpload', identity: 'CP-1' } as const;
    const token = linkToken(SECRET, grant);
    expect(linkTokenMatches(SECRET, grant, token)).toBe(true);
    expect(linkTokenMatches(SECRET, { kind: 'diagnosticsUpload', identity: 'CP-2' }, token)).toBe(false);
    expect(linkTokenMatches(SECRET, grant, token.slice(1))).toBe(false);
    expect(linkTokenMatches(SECRET, grant, '')).toBe(false);
    expect(linkTokenMatches(SECRET, grant, `${token}x`)).toBe(false);
  });

  it('URLs keep identities and names inside one path segment', () => {
    expect(diagnosticsUploadUrl('http://csms:3000', SECRET, 'CP/1 a')).toBe(
      `http://csms:3000/api/uploads/diagnostics/CP%2F1%20a/${linkToken(SECRET, { kind: 'diagnosticsUpload', identity: 'CP/1 a' })}/`,
    );
    expect(firmwareDownloadUrl('http://csms:3000', SECRET, 'wall 2.0.bin')).toBe(
      `http://csms:3000/api/firmware/${linkToken(SECRET, { kind: 'firmwareImage', name: 'wall 2.0.bin' })}/wall%202.0.bin`,
    );
  });
});

describe('file names', () => {
  it('accepts what wallboxes and operators name files', () => {
    for (const name of ['diagnostics-CP-1-2026-03-01.tar.gz', 'wall 2.0.bin', 'ü.log', 'a'.repeat(255)]) expect(fileNameProblem(name)).toBeNull();
  });

  it('refuses what would leave its path segment or cannot be stored', () => {
    expect(fileNameProblem('')).toBe('must be 1 to 255 characters long');
    expect(fileNameProblem('a'.repeat(256))).toBe('must be 1 to 255 characters long');
    expect(fileNameProblem('..')).toBe('must not be "." or ".."');
    expect(fileNameProblem('../etc/passwd')).toBe('must not hold "/" or "\\"');
    expect(fileNameProblem('a\\b')).toBe('must not hold "/" or "\\"');
    expect(fileNameProblem('a\u0000b')).toBe('must not hold control characters');
    expect(fileNameProblem('a\ud800b')).toBe('must not hold control characters');
  });
});
