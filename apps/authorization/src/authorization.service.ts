import type {
  AuthorizeReply,
  AuthorizeRequest,
  BootReply,
  BootRequest,
  StartTransactionReply,
  StartTransactionRequest,
  StopTransactionReply,
  StopTransactionRequest,
  StartMode,
} from '@voltstream/contracts';
import { decideBoot, decideTag, type TagDecision, type UnknownChargePointPolicy } from '@voltstream/domain';
import type { EventPublisher } from '@voltstream/nats';
import type { DecisionKind, DecisionObserver } from './authorization-metrics';
import type { RegistryFollower } from './registry-follower';
import type { TransactionStore } from './transaction-store';

export interface AuthorizationSettings {
  unknownChargePoints: UnknownChargePointPolicy;
  defaultStartMode: StartMode;
  heartbeatInterval: number;
}

/** The answers to the gateway's requests: the domain decides, this class reads state and records. */
export class AuthorizationService {
  constructor(
    private readonly registry: RegistryFollower,
    private readonly transactions: TransactionStore,
    private readonly publisher: EventPublisher,
    private readonly settings: AuthorizationSettings,
    private readonly decisions: DecisionObserver,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async boot({ identity }: BootRequest): Promise<BootReply> {
    const { unknownChargePoints, defaultStartMode, heartbeatInterval } = this.settings;
    const registration = this.registry.view.registration(identity);
    const decision = decideBoot(registration, unknownChargePoints, defaultStartMode, heartbeatInterval, identity, this.clock());
    // Replicas deciding on the same registry state publish the same message id: the log keeps one adoption.
    const messageId = `${identity}:boot-adoption:${this.registry.versionOf(identity)}`;
    for (const event of decision.events) {
      const ack = await this.publisher.publish(event, messageId);
      await this.registry.waitFor('registry', ack.seq);
    }
    this.decisions.decided('boot', decision.reply.status);
    return decision.reply;
  }

  authorize({ identity, idTag }: AuthorizeRequest): AuthorizeReply {
    return { idTagInfo: this.decideTag('authorize', identity, idTag).idTagInfo };
  }

  async startTransaction(request: StartTransactionRequest): Promise<StartTransactionReply> {
    const transactionId = await this.transactions.start(request);
    return { transactionId, ...this.decideTag('start', request.identity, request.idTag) };
  }

  async stopTransaction({ identity, transactionId, idTag }: StopTransactionRequest): Promise<StopTransactionReply> {
    const record = await this.transactions.find(transactionId);
    const known = record?.identity === identity;
    if (record && known) await this.transactions.stop(transactionId, record);
    return idTag === undefined ? { known } : { known, idTagInfo: this.decideTag('stop', identity, idTag).idTagInfo };
  }

  private decideTag(kind: DecisionKind, identity: string, idTag: string): TagDecision {
    const { view } = this.registry;
    const decision = decideTag(idTag, view.registration(identity), view.centralTag(idTag), this.clock());
    this.decisions.decided(kind, decision.idTagInfo.status);
    return decision;
  }
}
