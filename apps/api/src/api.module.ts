import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import type { Config } from '@voltstream/config';
import { ChargePointsModule } from './charge-points/charge-points.module';
import { ChargingProfilesModule } from './charging-profiles/charging-profiles.module';
import { CommandsModule } from './commands/commands.module';
import { ConnectionInfoModule } from './connection-info/connection-info.module';
import { ConsumptionModule } from './consumption/consumption.module';
import { FirmwareModule } from './firmware/firmware.module';
import { FleetModule } from './fleet/fleet.module';
import { DataTransfersModule } from './data-transfers/data-transfers.module';
import { SecurityEventsModule } from './security-events/security-events.module';
import { CertificatesModule } from './certificates/certificates.module';
import { GraphqlModule } from './graphql/graphql.module';
import { HealthModule } from './health/health.module';
import { BearerTokenGuard } from './infrastructure/bearer-token.guard';
import { BoundedValidationPipe } from './infrastructure/bounded-validation.pipe';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { OperationFailedFilter } from './infrastructure/operation-failed.filter';
import { OutageInterceptor } from './infrastructure/outage.interceptor';
import { WriteNotYetVisibleFilter } from './infrastructure/write-not-yet-visible.filter';
import { ParkedEventsModule } from './parked-events/parked-events.module';
import { LocalListModule } from './local-list/local-list.module';
import { TagsModule } from './tags/tags.module';
import { TransactionsModule } from './transactions/transactions.module';
import { ReservationsModule } from './reservations/reservations.module';

@Module({})
export class ApiModule {
  static forRoot(config: Config, token: string): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        InfrastructureModule.forRoot(config, token),
        HealthModule,
        ConnectionInfoModule,
        ChargePointsModule,
        TagsModule,
        CommandsModule,
        TransactionsModule,
        ParkedEventsModule,
        ReservationsModule,
        LocalListModule,
        FirmwareModule,
        GraphqlModule,
        FleetModule,
        ConsumptionModule,
        ChargingProfilesModule,
        DataTransfersModule,
        SecurityEventsModule,
        CertificatesModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: BearerTokenGuard },
        { provide: APP_PIPE, useClass: BoundedValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: OutageInterceptor },
        { provide: APP_FILTER, useClass: OperationFailedFilter },
        { provide: APP_FILTER, useClass: WriteNotYetVisibleFilter },
      ],
    };
  }
}
