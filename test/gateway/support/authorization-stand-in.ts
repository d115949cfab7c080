import type { NatsConnection, Subscription } from 'nats';
import type { BootReply, StartTransactionReply, StopTransactionReply, AuthorizeReply, Subjects } from '@voltstream/contracts';

/**
 * Stands in for the authorization service (another service, not the gateway under test): answers
 * `subjects.rpc.*` the way a NestJS NATS microservice does — request `{ pattern, data, id }`,
 * reply `{ id, response, isDisposed: true }` or `{ id, err, isDisposed: true }`.
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
  const answer = (subject: string, decide: (data: never) => unknown) =>
    nc.subscribe(subject, {
      queue: subjects.authorizationQueue,
      callback: (_error, message) => {
        const { id, data } = message.json<{ id: string; data: { identity: string } }>();
        try {
          message.respond(JSON.stringify({ id, response: decide(data as never), isDisposed: true }));
        } catch (error) {
          message.respond(JSON.stringify({ id, err: { message: String(error) }, isDisposed: true }));
        }
      },
    });
  return [
    answer(subjects.rpc.boot, (data: { identity: string }) => decisions.boot(data.identity)),
    answer(subjects.rpc.authorize, (data: { idTag: string }) => decisions.authorize(data.idTag)),
    answer(subjects.rpc.startTransaction, (data: { idTag: string }) => decisions.startTransaction(data)),
    answer(subjects.rpc.stopTransaction, (data: { transactionId: number }) => decisions.stopTransaction(data)),
  ];
}
