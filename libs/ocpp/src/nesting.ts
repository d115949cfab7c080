/**
 * How deep a payload (or a CALLERROR's details) may nest objects and arrays, the payload itself
 * being level 1. OCPP 1.6's deepest messages need 5 (SetChargingProfile: csChargingProfiles,
 * chargingSchedule, chargingSchedulePeriod, a period; StopTransaction's transactionData down to
 * a sampled value). Anything deeper is not OCPP, and every walk over input — class-transformer,
 * class-validator, JSON.stringify — may rely on this bound instead of the call stack's.
 */
export const MAX_PAYLOAD_DEPTH = 16;

/**
 * Whether `value` nests objects or arrays more than `levels` deep (a scalar is level 0). The
 * recursion is bounded by `levels`, never by the input: JSON.parse itself is iterative, so this
 * is the first walk a 128 KiB frame of `[[[[…` meets.
 */
export function nestsDeeperThan(value: unknown, levels: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (levels === 0) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (nestsDeeperThan(value[i], levels - 1)) return true;
    return false;
  }
  for (const key in value) if (nestsDeeperThan((value as Record<string, unknown>)[key], levels - 1)) return true;
  return false;
}
