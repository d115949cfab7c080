import { Inject, Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ClientNats } from '@nestjs/microservices';
import { firstValueFrom, timeout } from 'rxjs';
import type { AuthorizationQuestion, StationDecisions } from '@voltstream/gateway';
import { GATEWAY_OPTIONS, type GatewayOptions } from './gateway-options';
import { NatsLink } from './nats-link';

export type AuthorizationDecision = StationDecisions[keyof StationDecisions];

/** Asks the authorization service (NestJS microservice on `subjects.rpc.*`) for its decisions. */
@Injectable()
export class AuthorizationClient implements OnModuleInit, OnApplicationShutdown {
  private readonly client: ClientNats;
  private readonly timeoutMs: number;

  constructor(
    @Inject(GATEWAY_OPTIONS) options: GatewayOptions,
    private readonly nats: NatsLink,
  ) {
    this.timeoutMs = options.authorizationTimeoutMs;
    this.client = new ClientNats({
      servers: options.config.natsUrl.split(',').map((server) => server.trim()),
      name: `ocpp-gateway ${options.gatewayId} authorization client`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.client.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.close();
  }

  /** Rejects when the service does not answer within the timeout or answers with an error. */
  ask(question: AuthorizationQuestion): Promise<AuthorizationDecision> {
    const pattern = this.nats.subjects.rpc[question.rpc];
    return firstValueFrom(this.client.send<AuthorizationDecision>(pattern, question.request).pipe(timeout(this.timeoutMs)));
  }
}
