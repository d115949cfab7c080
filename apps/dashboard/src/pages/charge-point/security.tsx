import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { RotatePasswordDocument, SecurityEventsDocument } from '../../api/generated';
import type { ChargePointDetail } from '../../api/types';
import { formatTime, orDash } from '../../format';
import { failure, Result, SecurityProfiles, type Outcome } from './security-profile';

/** The security profile (set in the CSMS, or raised with the wallbox), password rotation (asked of the wallbox) and the security events it reported. */
export function Security({ identity, chargePoint }: { identity: string; chargePoint: ChargePointDetail }) {
  return (
    <section aria-labelledby="security-title" className="stack">
      <h2 id="security-title">Security</h2>
      <SecurityProfiles identity={identity} chargePoint={chargePoint} />
      <RotatePassword identity={identity} />
      <SecurityEvents identity={identity} />
    </section>
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
