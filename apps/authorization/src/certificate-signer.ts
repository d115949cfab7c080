import type { LoggerService } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import {
  type CertificateSigningEvent,
  type EventOf,
  type Subjects,
  type WallboxCommandReply,
} from '@voltstream/contracts';
import { decideSigning } from '@voltstream/domain';
import { eventCorrelationId } from '@voltstream/logging';
import { decodeEvent, EventPublisher, isConcurrentAppend, readAggregate } from '@voltstream/nats';
import type { ParkedEvents } from '@voltstream/read-models';
import type { ChargePointCa } from './certificate-authorities';
import { SharedConsumer } from './shared-consumer';
import { SystemCommands } from './system-commands';

/** One durable consumer for all replicas: each signing request is handled by one of them. */
export const CERTIFICATE_SIGNER_CONSUMER = 'authorization-certificate-signer';
/** A new request of the same charge point was appended meanwhile: fold again, this often. */
const APPEND_ATTEMPTS = 3;

type Fact = Pick<EventOf<'ChargePointCertificateIssued'> | EventOf<'CertificateSigningRefused'> | EventOf<'ChargePointCertificateSent'>, 'type' | 'data'>;

/**
 * SignCertificate (whitepaper A02/A03): each CertificateSigningRequested the gateway stored is
 * signed by the configured CA (or refused), and the chain sent to the wallbox with
 * CertificateSigned. Every step is appended to the charge point's signing aggregate with an
 * expected last sequence, and decided from it (decideSigning): a redelivered request, a restart or
 * two replicas sign it once, and send the one chain issued, under the correlation id of the request.
 */
export class CertificateSigner {
  private readonly commands: SystemCommands;
  private readonly publisher: EventPublisher;
  private readonly consumer: SharedConsumer;

  constructor(
    private readonly nc: NatsConnection,
    private readonly subjects: Subjects,
    private readonly ca: ChargePointCa,
    parked: ParkedEvents,
    commandTimeoutMs: number,
    private readonly logger: LoggerService,
  ) {
    this.commands = new SystemCommands(nc, subjects, commandTimeoutMs, logger);
    this.publisher = new EventPublisher(nc, subjects);
    this.consumer = new SharedConsumer(nc, subjects, CERTIFICATE_SIGNER_CONSUMER, subjects.allCertificateSigning, parked, logger);
  }

  start(): Promise<void> {
    return this.consumer.start((sequence, data) => this.handleEvent(eventCorrelationId(CERTIFICATE_SIGNER_CONSUMER, sequence), data));
  }

  stop(): Promise<void> {
    return this.consumer.stop();
  }

  private async handleEvent(correlationId: string, data: Uint8Array): Promise<void> {
    const event = decodeEvent(data);
    if (event.type !== 'CertificateSigningRequested') return;
    const identity = event.metadata.chargePoint as string;
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.advance(identity, event.data, correlationId);
      } catch (error) {
        if (!isConcurrentAppend(error) || attempt >= APPEND_ATTEMPTS) throw error;
      }
    }
  }

  /** Signs (or refuses) the request if nothing was recorded for it yet, then sends what was issued. */
  private async advance(identity: string, { requestId, csr }: EventOf<'CertificateSigningRequested'>['data'], correlationId: string): Promise<void> {
    let history = await this.history(identity);
    let step = decideSigning(history.events, requestId);
    if (step.kind === 'sign') {
      const reply = await this.ca.sign({ identity, csr, requestId });
      if ('refused' in reply) this.logger.warn({ identity, correlationId, action: 'SignCertificate', requestId, reason: reply.refused, msg: 'certificate signing refused' });
      const fact: Fact =
        'refused' in reply
          ? { type: 'CertificateSigningRefused', data: { requestId, reason: reply.refused } }
          : { type: 'ChargePointCertificateIssued', data: { requestId, certificateChain: reply.certificateChain, signer: this.ca.signer } };
      history = await this.append(identity, history, fact);
      step = decideSigning(history.events, requestId);
    }
    if (step.kind !== 'send') return;
    const reply = await this.commands.send(identity, { action: 'CertificateSigned', payload: { certificateChain: step.certificateChain } }, correlationId);
    const answer = reply.outcome === 'result' ? { status: String(reply.payload.status) } : { status: null, reason: describeNoAnswer(reply) };
    await this.append(identity, history, { type: 'ChargePointCertificateSent', data: { requestId, ...answer } });
  }

  private async history(identity: string): Promise<{ events: CertificateSigningEvent[]; version: number }> {
    const subject = this.subjects.certificateSigning(identity);
    const { events, version } = await readAggregate(this.nc, this.subjects.eventsStream, { subject, history: subject });
    return { events: events as CertificateSigningEvent[], version };
  }

  private async append(identity: string, history: { events: CertificateSigningEvent[]; version: number }, fact: Fact) {
    const event = { ...fact, version: 1, metadata: { chargePoint: identity, recordedAt: new Date().toISOString() } } as CertificateSigningEvent;
    const ack = await this.publisher.append(event, history.version);
    return { events: [...history.events, event], version: ack.seq };
  }
}

function describeNoAnswer(reply: Exclude<WallboxCommandReply, { outcome: 'result' }>): string {
  switch (reply.outcome) {
    case 'callError':
      return `the charge point answered ${reply.code}: ${reply.description}`;
    case 'invalid':
      return `not sent: ${reply.reason}`;
    default:
      return `the charge point is ${reply.outcome === 'offline' ? 'offline' : 'not answering'}`;
  }
}
