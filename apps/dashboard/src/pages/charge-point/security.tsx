import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { RotatePasswordDocument, SecurityEventsDocument, SetSecurityProfileDocument } from '../../api/generated';
import type { ChargePointDetail } from '../../api/types';
import { formatTime, orDash } from '../../format';

const PROFILES = ['0: no authentication', '1: HTTP Basic', '2: HTTP Basic over TLS', '3: TLS client certificate'];
/** Profiles 1 and 2 authenticate with a password: the API refuses them without one. */
const needsPassword = (profile: number) => profile === 1 || profile === 2;

interface Outcome {
  ok: boolean;
  text: string;
}

const failure = (error: { graphQLErrors: ReadonlyArray<{ message: string }> } | undefined): Outcome => ({
  ok: false,
  text: error?.graphQLErrors[0]?.message ?? 'the API could not be reached',
});

/** The security profile (a setting of the CSMS), password rotation (asked of the wallbox) and the security events it reported. */
export function Security({ identity, chargePoint }: { identity: string; chargePoint: ChargePointDetail }) {
  return (
    <section aria-labelledby="security-title" className="stack">
      <h2 id="security-title">Security</h2>
      <SecurityProfile identity={identity} chargePoint={chargePoint} />
      <RotatePassword identity={identity} />
      <SecurityEvents identity={identity} />
    </section>
  );
}

function Result({ outcome }: { outcome: Outcome | null }) {
  return (
    <span role="status" className={`answer ${outcome ? (outcome.ok ? 'answer-good' : 'answer-bad') : ''}`}>
      {outcome?.text}
    </span>
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
    <form className="inline" onSubmit={(event) => void submit(event)} aria-label="Security profile">
      <p>
        Profile now: <strong data-testid="security-profile">{PROFILES[chargePoint.securityProfile] ?? chargePoint.securityProfile}</strong>
        {chargePoint.passwordSet ? ', a password is set' : ', no password'}
      </p>
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
        Set profile
      </button>
      <Result outcome={outcome} />
    </form>
  );
}

function RotatePassword({ identity }: { identity: string }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [password, setPassword] = useState<string | null>(null);
  const [{ fetching }, rotate] = useMutation(RotatePasswordDocument);
  const run = async () => {
    setOutcome({ ok: true, text: 'Sending…' });
    setPassword(null);
    const result = await rotate({ identity });
    const rotated = result.data?.rotatePassword;
    // The wallbox refusing, or being offline, keeps its password: the API's reason says which.
    setOutcome(rotated ? { ok: true, text: 'Accepted' } : failure(result.error));
    if (rotated) setPassword(rotated.password);
  };
  return (
    <div className="command">
      <button type="button" onClick={() => void run()} disabled={fetching}>
        Rotate password
      </button>
      <Result outcome={outcome} />
      {password && (
        <p>
          The new password, shown this once: <output data-testid="new-password">{password}</output>
        </p>
      )}
    </div>
  );
}

function SecurityEvents({ identity }: { identity: string }) {
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [{ data, error }, reexecute] = useQuery({ query: SecurityEventsDocument, variables: { identity, cursor }, requestPolicy: 'cache-and-network' });
  const page = data?.securityEvents;
  return (
    <>
      <h3>Security events</h3>
      <p className="command">
        <button type="button" onClick={() => (cursor ? setCursor(undefined) : reexecute({ requestPolicy: 'network-only' }))}>
          Show the newest
        </button>
        {page?.nextCursor && (
          <button type="button" className="secondary" onClick={() => setCursor(page.nextCursor ?? undefined)}>
            Older events
          </button>
        )}
      </p>
      {error && <p role="alert">{error.graphQLErrors[0]?.message ?? 'The API could not be reached.'}</p>}
      {page && page.items.length === 0 && <p>No security events reported.</p>}
      {page && page.items.length > 0 && (
        <div className="table-wrap">
          <table aria-label="Security events, newest first">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Type</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((event) => (
                <tr key={event.id}>
                  <td>{formatTime(event.timestamp)}</td>
                  <th scope="row">{event.type}</th>
                  <td>{orDash(event.techInfo)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
