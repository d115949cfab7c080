const TONES: Record<string, string> = {
  Available: 'good',
  Charging: 'active',
  Preparing: 'active',
  SuspendedEV: 'active',
  SuspendedEVSE: 'active',
  Finishing: 'active',
  Reserved: 'quiet',
  Unavailable: 'warn',
  Faulted: 'bad',
};

/** An OCPP status as a coloured pill; the word is always shown, colour is never the only cue. */
export function StatusPill({ status }: { status: string | null }) {
  return <span className={`pill pill-${TONES[status ?? ''] ?? 'quiet'}`}>{status ?? 'Unknown'}</span>;
}

export function OnlineBadge({ online }: { online: boolean }) {
  return <span className={`online ${online ? 'online-yes' : 'online-no'}`}>{online ? 'Online' : 'Offline'}</span>;
}
