import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Config } from '@voltstream/config';
import { subjectsFor, type Subjects } from '@voltstream/contracts';
import { connectNats, ensureStreams, EventPublisher } from '@voltstream/nats';
import { openReadModels } from '@voltstream/read-models';
import type { NatsConnection } from 'nats';
import type { DataSource } from 'typeorm';
import { BearerToken } from './bearer-token';
import { EventLog } from './event-log.service';
import { ProjectionWatermark } from './projection-watermark.service';
import { API_CONFIG, LINK_SECRET, NATS_CONNECTION, READ_MODELS, SUBJECTS } from './tokens';
import { WallboxLink } from './wallbox-link.service';

async function connectEventLog(config: Config, subjects: Subjects): Promise<NatsConnection> {
  const nc = await connectNats(config.natsUrl, 'voltstream-api');
  try {
    await ensureStreams(nc, subjects, config.natsReplicas);
    return nc;
  } catch (error) {
    await nc.close();
    throw error;
  }
}

@Injectable()
class ResourceShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(READ_MODELS) private readonly readModels: DataSource,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.nc.isClosed()) await this.nc.drain();
    if (this.readModels.isInitialized) await this.readModels.destroy();
  }
}

const SHARED = [API_CONFIG, BearerToken, SUBJECTS, NATS_CONNECTION, READ_MODELS, EventLog, ProjectionWatermark, WallboxLink, LINK_SECRET, EventPublisher];

/** The API's connections (NATS, Postgres) and the services over them, shared by every resource. */
@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: Config, token: string): DynamicModule {
    const subjects = subjectsFor(config.namespace);
    return {
      module: InfrastructureModule,
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: BearerToken, useValue: new BearerToken(token) },
        { provide: LINK_SECRET, useValue: token },
        { provide: SUBJECTS, useValue: subjects },
        { provide: NATS_CONNECTION, useFactory: () => connectEventLog(config, subjects) },
        { provide: READ_MODELS, useFactory: () => openReadModels(config.databaseUrl) },
        {
          provide: EventPublisher,
          useFactory: (nc: NatsConnection) => new EventPublisher(nc, subjects),
          inject: [NATS_CONNECTION],
        },
        {
          provide: ProjectionWatermark,
          useFactory: (readModels: DataSource) => new ProjectionWatermark(readModels, config.readYourWritesWaitMs),
          inject: [READ_MODELS],
        },
        EventLog,
        WallboxLink,
        ResourceShutdown,
      ],
      exports: SHARED,
    };
  }
}
