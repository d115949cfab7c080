import { Module, ValidationPipe, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import type { Config } from '@voltstream/config';
import { ChargePointsModule } from './charge-points/charge-points.module';
import { CommandsModule } from './commands/commands.module';
import { ConnectionInfoModule } from './connection-info/connection-info.module';
import { ConsumptionModule } from './consumption/consumption.module';
import { FleetModule } from './fleet/fleet.module';
import { GraphqlModule } from './graphql/graphql.module';
import { HealthModule } from './health/health.module';
import { BearerTokenGuard } from './infrastructure/bearer-token.guard';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { OperationFailedFilter } from './infrastructure/operation-failed.filter';
import { TagsModule } from './tags/tags.module';
import { TransactionsModule } from './transactions/transactions.module';

/** Every body, query and path parameter is validated; unknown properties are refused, not dropped. */
const validation = new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true });

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
        GraphqlModule,
        FleetModule,
        ConsumptionModule,
      ],
      providers: [
        { provide: APP_GUARD, useClass: BearerTokenGuard },
        { provide: APP_PIPE, useValue: validation },
        { provide: APP_FILTER, useClass: OperationFailedFilter },
      ],
    };
  }
}
