import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ChargePointsModule } from '../charge-points/charge-points.module';
import { ChargingProfilesModule } from '../charging-profiles/charging-profiles.module';
import { CommandsModule } from '../commands/commands.module';
import { FirmwareModule } from '../firmware/firmware.module';
import { DataTransfersModule } from '../data-transfers/data-transfers.module';
import { SecurityEventsModule } from '../security-events/security-events.module';
import { CertificatesModule } from '../certificates/certificates.module';
import { BearerToken } from '../infrastructure/bearer-token';
import { ParkedEventsModule } from '../parked-events/parked-events.module';
import { TagsModule } from '../tags/tags.module';
import { TransactionsModule } from '../transactions/transactions.module';
import { ChargePointsResolver } from './charge-points.resolver';
import { ChargingProfilesResolver } from './charging-profiles.resolver';
import { CommandsResolver } from './commands.resolver';
import { FirmwareResolver } from './firmware.resolver';
import { DataTransfersResolver } from './data-transfers.resolver';
import { SecurityEventsResolver } from './security-events.resolver';
import { CertificatesResolver } from './certificates.resolver';
import { graphqlAccess } from './graphql-access';
import { graphqlLimits } from './graphql-limits';
import { LiveChanges } from './live-changes.service';
import { LiveResolver } from './live.resolver';
import { LocalListModule } from '../local-list/local-list.module';
import { LocalListResolver } from './local-list.resolver';
import { ParkedEventsResolver } from './parked-events.resolver';
import { TagsResolver } from './tags.resolver';
import { TransactionsResolver } from './transactions.resolver';
import { ReservationsModule } from '../reservations/reservations.module';
import { ReservationsResolver } from './reservations.resolver';

const GRAPHQL_PATH = '/graphql';

function apolloOptions(token: BearerToken): ApolloDriverConfig {
  return {
    path: GRAPHQL_PATH,
    autoSchemaFile: true,
    sortSchema: true,
    // Clients get the code and the reason, never a stack trace.
    includeStacktraceInErrorResponses: false,
    ...graphqlAccess(token, GRAPHQL_PATH),
    ...graphqlLimits(),
  };
}

/** GraphQL at /graphql (SPEC §6): the REST API's reads and commands, called through its services, and live changes. */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [BearerToken],
      useFactory: apolloOptions,
    }),
    ChargePointsModule,
    TagsModule,
    CommandsModule,
    TransactionsModule,
    ParkedEventsModule,
    FirmwareModule,
    ReservationsModule,
    ChargingProfilesModule,
    LocalListModule,
    DataTransfersModule,
    SecurityEventsModule,
    CertificatesModule,
  ],
  providers: [
    ChargePointsResolver,
    TagsResolver,
    TransactionsResolver,
    CommandsResolver,
    LiveResolver,
    LiveChanges,
    ParkedEventsResolver,
    FirmwareResolver,
    ReservationsResolver,
    ChargingProfilesResolver,
    LocalListResolver,
    DataTransfersResolver,
    SecurityEventsResolver,
    CertificatesResolver,
  ],
})
export class GraphqlModule {}
