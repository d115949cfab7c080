import { Inject, Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Config } from '@voltstream/config';
import { startProjection, type RunningProjection } from './projection';

const CONFIG = Symbol('Config');

@Injectable()
class ProjectionLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private projection: RunningProjection | undefined;

  constructor(@Inject(CONFIG) private readonly config: Config) {}

  async onApplicationBootstrap(): Promise<void> {
    this.projection = await startProjection(this.config);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projection?.close();
  }
}

@Module({})
export class StateProjectionModule {
  static forConfig(config: Config): DynamicModule {
    return { module: StateProjectionModule, providers: [{ provide: CONFIG, useValue: config }, ProjectionLifecycle] };
  }
}
