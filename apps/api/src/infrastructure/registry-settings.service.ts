import { Inject, Injectable } from '@nestjs/common';
import type { ChargePointSettings, EventType, Subjects } from '@voltstream/contracts';
import { decodeEvent } from '@voltstream/nats';
import { ErrorCode, NatsError, type NatsConnection, type StoredMsg } from 'nats';
import { NATS_CONNECTION, SUBJECTS } from './tokens';

const LIFECYCLE: EventType[] = ['ChargePointAdopted', 'ChargePointSettingsChanged', 'ChargePointForgotten'];

/**
 * A charge point's current settings, read from the event log itself: the read models never hold
 * the password hash, yet a settings change must carry it on when the password is not changed.
 */
@Injectable()
export class RegistrySettings {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SUBJECTS) private readonly subjects: Subjects,
  ) {}

  /** The settings of the last adoption or change, unless forgotten since; null when not adopted. */
  async of(identity: string): Promise<ChargePointSettings | null> {
    const subjects = LIFECYCLE.map((type) => this.subjects.event('registry', identity, type));
    const found = await Promise.all(subjects.map((subject) => this.lastMessage(subject)));
    const newest = found.filter((message) => message !== null).sort((a, b) => b.seq - a.seq)[0];
    if (!newest) return null;
    const event = decodeEvent(newest.data);
    return event.type === 'ChargePointAdopted' || event.type === 'ChargePointSettingsChanged' ? event.data : null;
  }

  private async lastMessage(subject: string): Promise<StoredMsg | null> {
    const jsm = await this.nc.jetstreamManager({ checkAPI: false });
    try {
      return await jsm.streams.getMessage(this.subjects.eventsStream, { last_by_subj: subject });
    } catch (error) {
      if (error instanceof NatsError && error.code === ErrorCode.JetStream404NoMessages) return null;
      throw error;
    }
  }
}
