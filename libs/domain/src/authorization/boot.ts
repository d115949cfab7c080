import {
  createEvent,
  type BootReply,
  type ChargePointSettings,
  type StartMode,
  type VoltstreamEvent,
} from '@voltstream/contracts';
import type { Registration } from '../registry';

/** How the CSMS answers a charge point that is not adopted (UNKNOWN_CHARGE_POINTS, SPEC §3). */
export type UnknownChargePointPolicy = 'pending' | 'accept' | 'reject';

export interface BootDecision {
  reply: BootReply;
  /** Events to append before replying: the adoption under the `accept` policy. */
  events: VoltstreamEvent[];
}

const UNKNOWN_STATUS = { pending: 'Pending', accept: 'Accepted', reject: 'Rejected' } as const;

/** SPEC §3: the answer to a BootNotification. */
export function decideBoot(
  registration: Registration | undefined,
  policy: UnknownChargePointPolicy,
  defaultStartMode: StartMode,
  heartbeatInterval: number,
  identity: string,
  now: Date,
): BootDecision {
  if (registration) return { reply: { status: 'Accepted', interval: heartbeatInterval }, events: [] };
  const reply: BootReply = { status: UNKNOWN_STATUS[policy], interval: heartbeatInterval };
  if (policy !== 'accept') return { reply, events: [] };
  const settings: ChargePointSettings = {
    startMode: defaultStartMode,
    relaxations: [],
    autoStartIdTag: null,
    passwordHash: null,
    description: null,
  };
  return { reply, events: [createEvent('ChargePointAdopted', settings, identity, now)] };
}
