import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Wallboxes cannot send a bearer token: the URLs the CSMS gives them (a firmware image to fetch, a
 * place to upload diagnostics) carry a capability in their path instead, an HMAC-SHA256 of what
 * the URL grants, keyed by the API token. Every API replica shares that token, so each one issues
 * and checks the same links without storing them; changing the token revokes them all.
 */
export type LinkGrant = { kind: 'firmwareImage'; name: string } | { kind: 'diagnosticsUpload'; identity: string };

function grantText(grant: LinkGrant): string {
  return grant.kind === 'firmwareImage' ? `voltstream/firmware-image/${grant.name}` : `voltstream/diagnostics-upload/${grant.identity}`;
}

/** The capability of a grant: 43 base64url characters. */
export function linkToken(secret: string, grant: LinkGrant): string {
  return createHmac('sha256', secret).update(grantText(grant)).digest('base64url');
}

/** Compares in constant time, whatever was presented. */
export function linkTokenMatches(secret: string, grant: LinkGrant, presented: string): boolean {
  const expected = Buffer.from(linkToken(secret, grant));
  const given = Buffer.from(presented);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Where a wallbox downloads a firmware image: `<api>/api/firmware/<token>/<name>`. */
export function firmwareDownloadUrl(apiBaseUrl: string, secret: string, name: string): string {
  return `${apiBaseUrl}/api/firmware/${linkToken(secret, { kind: 'firmwareImage', name })}/${encodeURIComponent(name)}`;
}

/**
 * The directory a wallbox uploads its diagnostics to (GetDiagnostics `location`):
 * `<api>/api/uploads/diagnostics/<identity>/<token>/`, the file name appended by the wallbox.
 */
export function diagnosticsUploadUrl(apiBaseUrl: string, secret: string, identity: string): string {
  const token = linkToken(secret, { kind: 'diagnosticsUpload', identity });
  return `${apiBaseUrl}/api/uploads/diagnostics/${encodeURIComponent(identity)}/${token}/`;
}
