import { Inject, Injectable } from '@nestjs/common';
import { gatewayBaseUrl, type Config } from '@voltstream/config';
import { ChargePointRow } from '@voltstream/read-models';
import type { DataSource } from 'typeorm';
import { CsmsLinks } from '../firmware/csms-links.service';
import { API_CONFIG, READ_MODELS } from '../infrastructure/tokens';
import type { ConnectionInfoView } from './connection-info.view';

@Injectable()
export class ConnectionInfoService {
  constructor(
    @Inject(API_CONFIG) private readonly config: Config,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
    private readonly links: CsmsLinks,
  ) {}

  /** @param requestHost the Host the operator reached the API by: the gateway is most likely there too. */
  async describe(requestHost: string | undefined, identity?: string): Promise<ConnectionInfoView> {
    const tls = this.config.gatewayTlsPort !== null;
    const baseUrl = this.baseUrl(requestHost);
    const general = {
      baseUrl,
      urlPattern: `${baseUrl}/ocpp/{identity}`,
      subprotocol: 'ocpp1.6',
      tls,
      passwordRequired: false,
      unknownChargePoints: this.config.unknownChargePoints,
      defaultStartMode: this.config.defaultStartMode,
    };
    if (identity === undefined) return general;
    const row = await this.readModels.getRepository(ChargePointRow).findOneBy({ identity });
    return {
      ...general,
      url: `${baseUrl}/ocpp/${encodeURIComponent(identity)}`,
      passwordRequired: row?.passwordSet ?? false,
      state: row?.state ?? null,
      diagnosticsUploadUrl: this.links.diagnosticsUpload(requestHost, identity),
    };
  }

  private baseUrl(requestHost: string | undefined): string {
    if (this.config.publicGatewayUrl) return this.config.publicGatewayUrl.replace(/\/+$/, '');
    const reached = `http://${requestHost ?? 'localhost'}`;
    const hostname = URL.canParse(reached) ? new URL(reached).hostname : 'localhost';
    return gatewayBaseUrl(this.config, hostname);
  }
}
