import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ChargePointsModule } from '../charge-points/charge-points.module';
import { CommandsModule } from '../commands/commands.module';
import { ProjectionWatermark } from '../infrastructure/projection-watermark.service';
import { TagsModule } from '../tags/tags.module';
import { TransactionsModule } from '../transactions/transactions.module';
import { ChargePointsResolver } from './charge-points.resolver';
import { CommandsResolver } from './commands.resolver';
import { GraphqlAccess, GraphqlAccessModule, type HttpRequest } from './graphql-access';
import { LiveChanges } from './live-changes.service';
import { LiveResolver } from './live.resolver';
import { TagsResolver } from './tags.resolver';
import { TransactionsResolver } from './transactions.resolver';

export const GRAPHQL_PATH = '/graphql';

function apolloOptions(access: GraphqlAccess): ApolloDriverConfig {
  return {
    path: GRAPHQL_PATH,
    autoSchemaFile: true,
    sortSchema: true,
    // Clients get the code and the reason, never a stack trace.
    includeStacktraceInErrorResponses: false,
    // Called with Apollo's { req, res } per HTTP request, and with graphql-ws's context per subscription,
    // whose connection onConnect has admitted already.
    context: (input: { req?: HttpRequest }) => (input.req ? access.httpContext(input.req) : {}),
    subscriptions: {
      'graphql-ws': { path: GRAPHQL_PATH, onConnect: ({ connectionParams }) => access.admits(connectionParams?.authorization) },
    },
  };
}

/** GraphQL at /graphql (SPEC §6): the REST API's reads and commands, called through its services, and live changes. */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [GraphqlAccessModule],
      inject: [GraphqlAccess],
      useFactory: apolloOptions,
    }),
    ChargePointsModule,
    TagsModule,
    CommandsModule,
    TransactionsModule,
  ],
  providers: [ChargePointsResolver, TagsResolver, TransactionsResolver, CommandsResolver, LiveResolver, LiveChanges, ProjectionWatermark],
})
export class GraphqlModule {}
