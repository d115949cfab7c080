import { Module, type DynamicModule } from '@nestjs/common';
import { AuthorizationClient } from './authorization.client';
import { ChargePointEndpoint } from './charge-point-endpoint';
import { GatewayLease } from './gateway-lease';
import { GATEWAY_OPTIONS, type GatewayOptions } from './gateway-options';
import { GatewayMetrics } from './gateway-metrics';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { NatsLink } from './nats-link';
import { RegistryFollower } from './registry-follower';
import { StationCalls } from './station-calls';
import { StationSessions } from './station-sessions';

@Module({})
export class GatewayModule {
  static forRoot(options: GatewayOptions): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [HealthController, MetricsController],
      providers: [
        { provide: GATEWAY_OPTIONS, useValue: options },
        { provide: GatewayMetrics, useFactory: () => new GatewayMetrics() },
        { provide: NatsLink, useFactory: () => NatsLink.connect(options) },
        AuthorizationClient,
        RegistryFollower,
        GatewayLease,
        StationCalls,
        StationSessions,
        ChargePointEndpoint,
      ],
    };
  }
}
