import type { Msg, NatsConnection, Subscription } from 'nats';
import {
  parseRpcRequest,
  rpcFailure,
  rpcReply,
  type AuthorizeReply,
  type BootReply,
  type RpcName,
  type RpcReply,
  type RpcRequest,
  type StartTransactionReply,
  type StopTransactionReply,
  type Subjects,
} from '@voltstream/contracts';

/**
 * Stands in for the authorization service (another service, not the gateway under test): answers
 * `subjects.rpc.*` in Voltstream's RPC envelope, and parses each request against its contract as
 * the service does, so a request the gateway gets wrong fails the test.
 */
export interface Decisions {
  boot(identity: string): BootReply;
  authorize(idTag: string): AuthorizeReply;
  startTransaction(request: { idTag: string }): StartTransactionReply;
  stopTransaction(request: { transactionId: number }): StopTransactionReply;
}

export const ACCEPT_ALL: Decisions = {
  boot: () => ({ status: 'Accepted', interval: 300 }),
  authorize: () => ({ idTagInfo: { status: 'Accepted' } }),
  startTransaction: () => ({ transactionId: 1001, idTagInfo: { status: 'Accepted' }, tagOwner: null }),
  stopTransaction: () => ({ known: true }),
};

export function standInForAuthorization(nc: NatsConnection, subjects: Subjects, decisions: Decisions): Subscription[] {
  const answer = <Name extends RpcName>(name: Name, decide: (request: RpcRequest<Name>) => RpcReply<Name>) =>
    nc.subscribe(subjects.rpc[name], {
      queue: subjects.authorizationQueue,
      callback: (_error, message: Msg) => {
        try {
          message.respond(JSON.stringify(rpcReply(decide(parseRpcRequest(name, message.data)))));
        } catch (error) {
          message.respond(JSON.stringify(rpcFailure('failed', String(error))));
        }
      },
    });
  return [
    answer('boot', (request) => decisions.boot(request.identity)),
    answer('authorize', (request) => decisions.authorize(request.idTag)),
    answer('startTransaction', (request) => decisions.startTransaction(request)),
    answer('stopTransaction', (request) => decisions.stopTransaction(request)),
  ];
}
