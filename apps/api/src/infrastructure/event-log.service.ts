import { setTimeout } from 'node:timers/promises';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Subjects, TagEntry, VoltstreamEvent } from '@voltstream/contracts';
import { foldCentralTag, foldRegistration, type OperationDecision, type Registration } from '@voltstream/domain';
import { EventPublisher, isConcurrentAppend, readAggregate, type AggregateSubjects } from '@voltstream/nats';
import type { NatsConnection } from 'nats';
import { OperationFailedError } from './operation-failed.error';
import { ProjectionWatermark } from './projection-watermark.service';
import { NATS_CONNECTION, SUBJECTS } from './tokens';
import { WriteNotYetVisibleError } from './write-not-yet-visible.error';

/** How many times a write is decided when other writes to the same aggregate keep coming first. */
const DECISION_ATTEMPTS = 10;
/** Before deciding again, a write waits up to this much times its attempts, at random: contending writes spread out. */
const BACKOFF_MS = 5;

interface Aggregate<S> extends AggregateSubjects {
  /** What the aggregate is, in an error message. */
  name: string;
  fold(events: VoltstreamEvent[]): S;
}

/**
 * Carries out an operator's write: folds the aggregate's events, decides, and appends the decided
 * events right after those it folded (the append expects the aggregate's last sequence). When
 * another write to the aggregate came in between, it decides again over the events as they are
 * then, so that neither write is lost. Resolves once the read models show the write.
 */
@Injectable()
export class EventLog {
  private readonly logger = new Logger(EventLog.name);

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SUBJECTS) private readonly subjects: Subjects,
    private readonly publisher: EventPublisher,
    private readonly watermark: ProjectionWatermark,
  ) {}

  /** @returns the registration the write was decided over: undefined when the charge point was not adopted */
  changeRegistration<E extends VoltstreamEvent>(
    identity: string,
    decide: (registration: Registration | undefined) => OperationDecision<E>,
  ): Promise<Registration | undefined> {
    const aggregate = {
      name: `charge point ${identity}`,
      subject: this.subjects.registration(identity),
      history: this.subjects.registrationHistory(identity),
      fold: foldRegistration,
    };
    return this.change(aggregate, decide);
  }

  /** @returns the entry the write was decided over: null when the tag was not listed */
  changeCentralTag<E extends VoltstreamEvent>(idTag: string, decide: (tag: TagEntry | null) => OperationDecision<E>): Promise<TagEntry | null> {
    const aggregate = {
      name: `tag ${idTag}`,
      subject: this.subjects.centralTag(idTag),
      history: this.subjects.centralTag(idTag),
      legacyHistory: this.subjects.legacyCentralTags,
      fold: (events: VoltstreamEvent[]) => foldCentralTag(idTag, events) ?? null,
    };
    return this.change(aggregate, decide);
  }

  private async change<S, E extends VoltstreamEvent>(aggregate: Aggregate<S>, decide: (state: S) => OperationDecision<E>): Promise<S> {
    for (let attempt = 1; ; attempt++) {
      const { events, version } = await readAggregate(this.nc, this.subjects.eventsStream, aggregate);
      const state = aggregate.fold(events);
      const decision = decide(state);
      if (!decision.ok) throw new OperationFailedError(decision.failure);
      try {
        await this.showWritten(await this.append(decision.events, version));
        return state;
      } catch (error) {
        if (!isConcurrentAppend(error)) throw error;
        if (attempt === DECISION_ATTEMPTS) throw outpaced(aggregate.name);
        await setTimeout(Math.random() * BACKOFF_MS * attempt);
      }
    }
  }

  /**
   * Each event expects the one before it. Resolves with the aggregate's version after the append:
   * when nothing was decided, the one decided over, which the answer must show too.
   */
  private async append(events: VoltstreamEvent[], version: number): Promise<number> {
    let last = version;
    for (const event of events) last = (await this.publisher.append(event, last)).seq;
    return last;
  }

  private async showWritten(version: number): Promise<void> {
    if (version > 0 && !(await this.visible(version))) throw new WriteNotYetVisibleError(version);
  }

  /** The write is stored whatever the read models do: one they cannot show (Postgres down) is not yet visible, not failed. */
  private async visible(version: number): Promise<boolean> {
    try {
      return await this.watermark.reached(version);
    } catch (error) {
      this.logger.warn(`Read models not readable after event ${version} was stored: ${String(error)}`);
      return false;
    }
  }
}

function outpaced(name: string): OperationFailedError {
  return new OperationFailedError({
    kind: 'conflict',
    message: `${name} was changed by ${DECISION_ATTEMPTS} other writes while this one was decided: try again`,
  });
}
