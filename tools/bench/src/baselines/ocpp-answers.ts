/**
 * What a bare OCPP-J server answers, with no validation, no state and no storage: the least a
 * central system must do. The baselines use it to set the speed of light for the gateway.
 */
export type BareFrame = [number, string, string, Record<string, unknown>];

let transactionIds = 0;

export function bareAnswer(action: string, heartbeatIntervalSeconds: number, now: Date): Record<string, unknown> {
  switch (action) {
    case 'BootNotification':
      return { status: 'Accepted', currentTime: now.toISOString(), interval: heartbeatIntervalSeconds };
    case 'Heartbeat':
      return { currentTime: now.toISOString() };
    case 'Authorize':
      return { idTagInfo: { status: 'Accepted' } };
    case 'StartTransaction':
      return { transactionId: ++transactionIds, idTagInfo: { status: 'Accepted' } };
    default:
      return {};
  }
}

/** A CALL frame `[2, id, action, payload]`, or undefined for anything else (answers, garbage). */
export function parseBareCall(text: string): BareFrame | undefined {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!Array.isArray(frame) || frame[0] !== 2 || typeof frame[1] !== 'string' || typeof frame[2] !== 'string') return undefined;
  return frame as BareFrame;
}
