import { Injectable } from '@nestjs/common';
import type { VoltstreamEvent } from '@voltstream/contracts';
import type { OperationDecision } from '@voltstream/domain';
import { EventPublisher } from '@voltstream/nats';
import { OperationFailedError } from './operation-failed.error';
import { ProjectionWatermark } from './projection-watermark.service';

/** Carries out an operator's decided write: append its events, then wait for the read models. */
@Injectable()
export class EventLog {
  constructor(
    private readonly publisher: EventPublisher,
    private readonly watermark: ProjectionWatermark,
  ) {}

  /** Throws the decision's failure; resolves once the read models show the appended events. */
  async commit<E extends VoltstreamEvent>(decision: OperationDecision<E>): Promise<void> {
    if (!decision.ok) throw new OperationFailedError(decision.failure);
    let lastSequence = 0;
    for (const event of decision.events) lastSequence = (await this.publisher.publish(event)).seq;
    if (lastSequence > 0) await this.watermark.reached(lastSequence);
  }
}
