import { Module, type DynamicModule } from '@nestjs/common';
import { AuthorizationClient } from './authorization.client';
import { ChargePointEndpoint } from './charge-point-endpoint';
import { GatewayLease } from './gateway-lease';
import { GATEWAY_OPTIONS, type GatewayOptions } from './gateway-options';
import { GATEWAY_OBSERVER, GatewayMetrics, UNOBSERVED, type GatewayObserver } from './gateway-metrics';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';
import { NatsLink } from './nats-link';
import { RegistryFollower } from './registry-follower';
import { StationCalls } from './station-calls';
import { StationSessions } from './station-sessions';

@Module({})
export class GatewayModule {
  static forRoot(options: GatewayOptions): DynamicModule {
    // GATEWAY_METRICS=off: no registry, no /metrics, nothing counted (what the metrics cost, `npm run bench`).
    const metrics = options.config.gatewayMetrics ? new GatewayMetrics() : undefined;
    return {
      module: GatewayModule,
      controllers: metrics ? [HealthController, MetricsController] : [HealthController],
      providers: [
        { provide: GATEWAY_OPTIONS, useValue: options },
        ...(metrics ? [{ provide: GatewayMetrics, useValue: metrics }] : []),
        { provide: GATEWAY_OBSERVER, useValue: metrics ?? UNOBSERVED },
        { provide: NatsLink, useFactory: (timing: GatewayObserver) => NatsLink.connect(options, timing), inject: [GATEWAY_OBSERVER] },
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
