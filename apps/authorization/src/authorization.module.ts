import { Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Subjects } from '@voltstream/contracts';
import { authorizationController } from './authorization.controller';
import { AuthorizationService } from './authorization.service';

/** Closes what the service opened, in order, once NestJS has stopped answering requests. */
export class ServiceResources implements OnApplicationShutdown {
  constructor(private readonly closers: (() => Promise<unknown>)[]) {}

  async onApplicationShutdown(): Promise<void> {
    for (const close of this.closers) await close();
  }
}

@Module({})
export class AuthorizationModule {
  static register(subjects: Subjects, service: AuthorizationService, resources: ServiceResources): DynamicModule {
    return {
      module: AuthorizationModule,
      controllers: [authorizationController(subjects)],
      providers: [
        { provide: AuthorizationService, useValue: service },
        { provide: ServiceResources, useValue: resources },
      ],
    };
  }
}
