import { ServerNats } from '@nestjs/microservices';
import type { Msg, NatsConnection, Subscription } from 'nats';
import { RpcReplySerializer, RpcRequestDeserializer } from './rpc-envelope';

/**
 * The NestJS NATS transport on the service's own connection, with a clean drain: on close it stops
 * taking requests, answers the ones it took, and leaves the connection to its owner to drain.
 * Every pattern is served in one queue group, so each request is answered by one replica. Requests
 * and replies travel in Voltstream's RPC envelope (rpc-envelope.ts).
 */
export class DrainingNatsServer extends ServerNats {
  private readonly ownSubscriptions: Subscription[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly connection: NatsConnection,
    private readonly queueGroup: string,
  ) {
    super({ queue: queueGroup, serializer: new RpcReplySerializer(), deserializer: new RpcRequestDeserializer() });
  }

  override createNatsClient(): Promise<NatsConnection> {
    return Promise.resolve(this.connection);
  }

  override bindEvents(client: NatsConnection): void {
    for (const pattern of this.messageHandlers.keys()) {
      const callback = this.getMessageHandler(pattern).bind(this) as (error: Error | null, message: Msg) => void;
      this.ownSubscriptions.push(client.subscribe(pattern, { queue: this.queueGroup, callback }));
    }
  }

  override handleMessage(channel: string, message: Msg): Promise<unknown> {
    const handling = super.handleMessage(channel, message);
    this.inFlight.add(handling);
    const forget = () => this.inFlight.delete(handling);
    handling.then(forget, forget);
    return handling;
  }

  override async close(): Promise<void> {
    await Promise.all(this.ownSubscriptions.map((subscription) => subscription.drain()));
    await Promise.allSettled(this.inFlight);
  }
}
