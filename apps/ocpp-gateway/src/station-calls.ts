import { Inject, Injectable } from '@nestjs/common';
import { createEvent, type RegistrationStatus } from '@voltstream/contracts';
import {
  authorizationQuestion,
  beyondLimits,
  confirmationFor,
  gatewayDecision,
  isConfirmedWhenRefused,
  isStationAction,
  publishMessageId,
  toEvent,
  type DecisionOf,
  type StationAction,
  type StationLimits,
  type StationRequests,
} from '@voltstream/gateway';
import { OcppError, serializeCallError, serializeCallResult, validateRequest, type CallFrame } from '@voltstream/ocpp';
import type { Logger } from '@voltstream/logging';
import { AuthorizationClient } from './authorization.client';
import { GATEWAY_OPTIONS, type GatewayOptions } from './gateway-options';
import { NatsLink } from './nats-link';
import { RegistryFollower } from './registry-follower';

/** Never a false success: the wallbox sends the call again. */
function notRecorded(uniqueId: string, action: string): string {
  return serializeCallError(uniqueId, new OcppError('InternalError', `${action} could not be recorded; please send it again`));
}

/** What a call needs to know about the connection it came on. */
export interface CallingStation extends StationLimits {
  readonly identity: string;
  /** Lines about the wallbox, carrying its `identity`. */
  readonly log: Logger;
  /** The answer to the last BootNotification on this connection. */
  registrationStatus: RegistrationStatus | undefined;
}

/**
 * Answers one CALL of a wallbox (docs/architecture.md, "The path of one message"): validate,
 * ask the authorization service where a decision is needed, record the event, and only once
 * JetStream has stored it answer. Never a false success: any failure is a CALLERROR.
 */
@Injectable()
export class StationCalls {
  /** Read once: a line per message is written only at LOG_LEVEL debug, and costs nothing above it. */
  private readonly logsEveryMessage: boolean;

  constructor(
    private readonly registry: RegistryFollower,
    private readonly authorization: AuthorizationClient,
    private readonly nats: NatsLink,
    @Inject(GATEWAY_OPTIONS) options: GatewayOptions,
  ) {
    this.logsEveryMessage = options.logger.isLevelEnabled('debug');
  }

  /** @returns the CALLRESULT or CALLERROR to send; never rejects. */
  async answer(station: CallingStation, call: CallFrame, frameText: string): Promise<string> {
    const relaxations = this.registry.registration(station.identity)?.relaxations;
    const validated = validateRequest(call.action, call.payload, relaxations && { relaxations });
    if (!validated.ok) return serializeCallError(call.uniqueId, validated.error);
    if (!isStationAction(call.action)) {
      return serializeCallError(call.uniqueId, new OcppError('NotSupported', `${call.action} is sent by a central system, not by a charge point`));
    }
    const payload = validated.value as StationRequests[StationAction];
    const refusal = beyondLimits(call.action, payload, frameText, station);
    if (refusal) return this.refuse(station, call.uniqueId, call.action, refusal, frameText);
    try {
      return await this.record(station, call.uniqueId, call.action, payload, frameText);
    } catch (error) {
      station.log.warn({ uniqueId: call.uniqueId, action: call.action, err: error }, 'a call could not be recorded: answered InternalError');
      return notRecorded(call.uniqueId, call.action);
    }
  }

  /**
   * Records CallRefused in place of the fact the call claimed, then answers its CALLERROR — also
   * when the record fails: the answer is true either way, and the same call would be refused again.
   * A refused StopTransaction is confirmed instead, so only once the refusal is stored.
   */
  private async refuse(station: CallingStation, uniqueId: string, action: StationAction, refusal: OcppError, frameText: string): Promise<string> {
    const confirmed = isConfirmedWhenRefused(action);
    const event = createEvent('CallRefused', { action, errorCode: refusal.code, reason: refusal.description }, station.identity, new Date());
    try {
      await this.nats.publisher.publish(event, publishMessageId(station.identity, uniqueId, frameText));
    } catch (error) {
      station.log.warn({ uniqueId, action, err: error }, 'a refused call could not be recorded');
      if (confirmed) return notRecorded(uniqueId, action);
    }
    return confirmed ? serializeCallResult(uniqueId, {}) : serializeCallError(uniqueId, refusal);
  }

  private async record(
    station: CallingStation,
    uniqueId: string,
    action: StationAction,
    payload: StationRequests[StationAction],
    frameText: string,
  ): Promise<string> {
    const { identity } = station;
    const question = authorizationQuestion(identity, action, payload);
    const decision = (question ? await this.authorization.ask(question) : gatewayDecision(action, payload, this.registry.registration(identity))) as DecisionOf<StationAction>;
    const now = new Date();
    const event = toEvent(identity, action, payload, decision, now);
    const ack = await this.nats.publisher.publish(event, publishMessageId(identity, uniqueId, frameText));
    if (this.logsEveryMessage) station.log.debug({ uniqueId, action, event: event.type, sequence: ack.seq, duplicate: ack.duplicate }, 'call recorded');
    if (event.type === 'SecurityEventReported') this.nats.publisher.announceSecurityEvent(event);
    if (action === 'BootNotification') station.registrationStatus = (decision as DecisionOf<'BootNotification'>).status;
    return serializeCallResult(uniqueId, confirmationFor(action, decision, now));
  }
}
