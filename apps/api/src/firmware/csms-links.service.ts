import { Inject, Injectable } from '@nestjs/common';
import type { Config } from '@voltstream/config';
import { diagnosticsUploadUrl, firmwareDownloadUrl, linkTokenMatches } from '@voltstream/domain';
import { API_CONFIG, LINK_SECRET } from '../infrastructure/tokens';

/** The URLs of the CSMS that wallboxes follow without a bearer token, and their check. */
@Injectable()
export class CsmsLinks {
  constructor(
    @Inject(API_CONFIG) private readonly config: Config,
    @Inject(LINK_SECRET) private readonly secret: string,
  ) {}

  /** PUBLIC_API_URL, else the host the operator's request reached (the wallbox most likely reaches it too), on http. */
  baseUrl(requestHost: string | undefined): string {
    if (this.config.publicApiUrl) return this.config.publicApiUrl;
    const reached = `http://${requestHost ?? 'localhost'}`;
    return URL.canParse(reached) ? new URL(reached).origin : 'http://localhost';
  }

  diagnosticsUpload(requestHost: string | undefined, identity: string): string {
    return diagnosticsUploadUrl(this.baseUrl(requestHost), this.secret, identity);
  }

  firmwareDownload(requestHost: string | undefined, name: string): string {
    return firmwareDownloadUrl(this.baseUrl(requestHost), this.secret, name);
  }

  admitsUpload(identity: string, token: string): boolean {
    return linkTokenMatches(this.secret, { kind: 'diagnosticsUpload', identity }, token);
  }

  admitsDownload(name: string, token: string): boolean {
    return linkTokenMatches(this.secret, { kind: 'firmwareImage', name }, token);
  }
}
