import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { RaiseSecurityProfileDocument, SetSecurityProfileDocument } from '../../api/generated';
import type { ChargePointDetail } from '../../api/types';

const PROFILES = ['0: no authentication', '1: HTTP Basic', '2: HTTP Basic over TLS', '3: TLS client certificate'];
/** Profiles 1 and 2 authenticate with a password: the API refuses them without one. */
const needsPassword = (profile: number) => profile === 1 || profile === 2;

export interface Outcome {
  ok: boolean;
  text: string;
}

export const failure = (error: { graphQLErrors: ReadonlyArray<{ message: string }> } | undefined): Outcome => ({
  ok: false,
  text: error?.graphQLErrors[0]?.message ?? 'the API could not be reached',
});

export function Result({ outcome }: { outcome: Outcome | null }) {
  return (
    <span role="status" className={`answer ${outcome ? (outcome.ok ? 'answer-good' : 'answer-bad') : ''}`}>
      {outcome?.text}
    </span>
  );
}

/**
 * The two ways a profile changes: set in the CSMS alone (what it accepts at the handshake), or raised
 * with the wallbox (TC_083), which the CSMS enforces only once the wallbox accepted it.
 */
export function SecurityProfiles({ identity, chargePoint }: { identity: string; chargePoint: ChargePointDetail }) {
  return (
    <>
      <p>
        Profile now: <strong data-testid="security-profile">{PROFILES[chargePoint.securityProfile] ?? chargePoint.securityProfile}</strong>
        {chargePoint.passwordSet ? ', a password is set' : ', no password'}
      </p>
      <div className="explain" id="profile-difference">
        <p>
          <strong>Set the profile stored by the CSMS</strong> changes only what the CSMS accepts when this wallbox connects; the wallbox is not told. For a
          wallbox configured on site to match, or to lower a profile.
        </p>
        <p>
          <strong>Raise the wallbox’s profile</strong> asks the wallbox itself (ChangeConfiguration SecurityProfile, only upward). The CSMS enforces the
          higher profile only once the wallbox accepted it; the wallbox then reconnects under it. A wallbox that refuses keeps its profile, so it is never
          locked out.
        </p>
      </div>
      <SecurityProfile identity={identity} chargePoint={chargePoint} />
      <RaiseSecurityProfile identity={identity} current={chargePoint.securityProfile} />
    </>
  );
}

function SecurityProfile({ identity, chargePoint }: { identity: string; chargePoint: ChargePointDetail }) {
  const [profile, setProfile] = useState(chargePoint.securityProfile);
  const [password, setPassword] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [{ fetching }, save] = useMutation(SetSecurityProfileDocument);
  const asksPassword = needsPassword(profile) && !chargePoint.passwordSet;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save({ identity, securityProfile: profile, password: asksPassword ? password : undefined });
    setOutcome(result.error ? failure(result.error) : { ok: true, text: `Saved: profile ${profile}` });
  };
  return (
    <form className="inline" onSubmit={(event) => void submit(event)} aria-label="Set the profile stored by the CSMS" aria-describedby="profile-difference">
      <label>
        Security profile
        <select value={profile} onChange={(event) => setProfile(Number(event.target.value))}>
          {PROFILES.map((name, value) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {asksPassword && (
        <label>
          Password for the wallbox
          <input type="password" value={password} onChange={(event) => setPassword(event.target.value)} minLength={8} maxLength={40} required autoComplete="new-password" />
        </label>
      )}
      <button type="submit" disabled={fetching}>
        Set the stored profile
      </button>
      <Result outcome={outcome} />
    </form>
  );
}

function RaiseSecurityProfile({ identity, current }: { identity: string; current: number }) {
  const higher = PROFILES.map((name, value) => ({ name, value })).filter(({ value }) => value > current);
  const [chosen, setChosen] = useState<number | null>(null);
  const profile = chosen !== null && chosen > current ? chosen : higher[0]?.value;
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [{ fetching }, raise] = useMutation(RaiseSecurityProfileDocument);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (profile === undefined) return;
    setOutcome({ ok: true, text: 'Sending…' });
    const result = await raise({ identity, securityProfile: profile });
    const raised = result.data?.raiseSecurityProfile;
    // A refusal, or the wallbox offline, keeps the profile in force: the API's reason says which.
    setOutcome(raised ? { ok: true, text: `Accepted: profile ${raised.previousSecurityProfile} → ${raised.securityProfile}` } : failure(result.error));
  };
  if (profile === undefined) return <p>The wallbox has the highest profile.</p>;
  return (
    <form className="inline" onSubmit={(event) => void submit(event)} aria-label="Raise the wallbox’s profile" aria-describedby="profile-difference">
      <label>
        Profile to raise to
        <select value={profile} onChange={(event) => setChosen(Number(event.target.value))}>
          {higher.map(({ name, value }) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={fetching}>
        Raise the wallbox’s profile
      </button>
      <Result outcome={outcome} />
    </form>
  );
}
