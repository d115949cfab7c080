import { useEffect, useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { ADOPT, FLEET } from '../api/documents';
import { START_MODES, type ChargePoint, type FleetPage as Page } from '../api/types';
import { EitherFilter } from '../components/either-filter';
import { Pager } from '../components/pager';
import { OnlineBadge, StatusPill } from '../components/status';
import { formatTime, orDash } from '../format';
import { mergeChanges, type FleetFilter } from '../live-fleet';
import { useLiveChargePoints, useThrottled } from '../live';

const PAGE_SIZE = 50;
const DISCOVERED_SHOWN = 20;
const SEARCH_DELAY_MS = 250;

const activeTransactions = (chargePoint: ChargePoint) => chargePoint.connectors.filter((connector) => connector.transaction).length;

interface LivePage {
  page: Page | null;
  /** Merges live changes in place; anything else asks the API again, at most once a second. */
  apply(changes: Map<string, ChargePoint>): void;
}

/** One page of the fleet from the API, kept live: changes merged into the page last read, until the next read. */
function useFleetPage(filter: FleetFilter, offset: number, limit: number): LivePage {
  const variables = useMemo(
    () => ({ search: filter.search || undefined, state: filter.state, online: filter.online, offset, limit }),
    [filter, offset, limit],
  );
  const [{ data }, reexecute] = useQuery<{ fleet: Page }>({ query: FLEET, variables, requestPolicy: 'network-only' });
  const read = data?.fleet ?? null;
  const [merged, setMerged] = useState<{ read: Page; page: Page } | null>(null);
  const page = merged && merged.read === read ? merged.page : read;

  const reload = useThrottled(() => reexecute({ requestPolicy: 'network-only' }), 1000);
  const apply = (changes: Map<string, ChargePoint>) => {
    if (!read || !page) return;
    const next = mergeChanges(page, changes, filter);
    setMerged({ read, page: next.page });
    if (next.stale) reload();
  };
  return { page, apply };
}

const DISCOVERED: FleetFilter = { search: '', state: 'discovered', online: undefined };

interface View {
  search: string;
  online: boolean | undefined;
  offset: number;
}

export function FleetPage() {
  const [typed, setTyped] = useState('');
  // A new filter starts at the first page.
  const [{ search, online, offset }, setView] = useState<View>({ search: '', online: undefined, offset: 0 });
  useEffect(() => {
    const settled = setTimeout(() => setView((view) => (view.search === typed.trim() ? view : { ...view, search: typed.trim(), offset: 0 })), SEARCH_DELAY_MS);
    return () => clearTimeout(settled);
  }, [typed]);
  const setOnline = (next: boolean | undefined) => setView((view) => ({ ...view, online: next, offset: 0 }));
  const setOffset = (next: number) => setView((view) => ({ ...view, offset: next }));

  const adoptedFilter = useMemo<FleetFilter>(() => ({ search, state: 'adopted', online }), [search, online]);
  const { page: adopted, apply: applyToAdopted } = useFleetPage(adoptedFilter, offset, PAGE_SIZE);
  const { page: discovered, apply: applyToDiscovered } = useFleetPage(DISCOVERED, 0, DISCOVERED_SHOWN);
  useLiveChargePoints(undefined, (changes) => {
    applyToAdopted(changes);
    applyToDiscovered(changes);
  });

  return (
    <>
      <div className="title-row">
        <h1>Fleet</h1>
        {adopted && (
          <p className="counts">
            <strong>{adopted.online.toLocaleString()}</strong> online · <strong>{adopted.discovered.toLocaleString()}</strong> discovered
          </p>
        )}
      </div>
      {discovered && discovered.total > 0 && <Discovered page={discovered} />}
      <section aria-labelledby="adopted-title">
        <h2 id="adopted-title">Charge points</h2>
        <div className="filters" role="search">
          <label>
            Search
            <input type="search" value={typed} onChange={(event) => setTyped(event.target.value)} placeholder="identity, vendor or model" />
          </label>
          <EitherFilter label="Connection" value={online} onChange={setOnline} names={['Online', 'Offline']} />
        </div>
        {adopted ? <FleetTable page={adopted} offset={offset} onOffset={setOffset} /> : <p role="status">Loading…</p>}
      </section>
    </>
  );
}

function FleetTable({ page, offset, onOffset }: { page: Page; offset: number; onOffset: (offset: number) => void }) {
  const last = Math.min(offset + page.items.length, page.total);
  return (
    <>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Adopted charge points, by identity</caption>
          <thead>
            <tr>
              <th scope="col">Identity</th>
              <th scope="col">Connection</th>
              <th scope="col">Status</th>
              <th scope="col">Vendor / model</th>
              <th scope="col">Last seen</th>
              <th scope="col" className="number">
                Active transactions
              </th>
            </tr>
          </thead>
          <tbody>
            {page.items.map((chargePoint) => (
              <tr key={chargePoint.identity} data-identity={chargePoint.identity}>
                <th scope="row">
                  <Link to={`/charge-points/${encodeURIComponent(chargePoint.identity)}`}>{chargePoint.identity}</Link>
                </th>
                <td>
                  <OnlineBadge online={chargePoint.online} />
                </td>
                <td>
                  <StatusPill status={chargePoint.status} />
                </td>
                <td>
                  {orDash(chargePoint.vendor)} / {orDash(chargePoint.model)}
                </td>
                <td>{formatTime(chargePoint.lastSeenAt)}</td>
                <td className="number">{activeTransactions(chargePoint)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {page.total === 0 && <p>No charge point matches.</p>}
      <Pager
        label="Charge point pages"
        summary={page.total === 0 ? '0 charge points' : `${offset + 1}–${last} of ${page.total.toLocaleString()}`}
        onPrevious={offset > 0 ? () => onOffset(Math.max(0, offset - PAGE_SIZE)) : undefined}
        onNext={last < page.total ? () => onOffset(offset + PAGE_SIZE) : undefined}
      />
    </>
  );
}

function Discovered({ page }: { page: Page }) {
  return (
    <section aria-labelledby="discovered-title" className="discovered">
      <h2 id="discovered-title">Discovered ({page.total})</h2>
      <p className="hint">These wallboxes connected but are not adopted yet: they may not charge until you adopt them.</p>
      <ul>
        {page.items.map((chargePoint) => (
          <DiscoveredItem key={chargePoint.identity} chargePoint={chargePoint} />
        ))}
      </ul>
    </section>
  );
}

function DiscoveredItem({ chargePoint }: { chargePoint: ChargePoint }) {
  const [startMode, setStartMode] = useState<string>('centralList');
  const [{ fetching, error }, adopt] = useMutation(ADOPT);
  const selectId = useId();
  return (
    <li data-identity={chargePoint.identity}>
      <span className="identity">{chargePoint.identity}</span>
      <span>
        {orDash(chargePoint.vendor)} / {orDash(chargePoint.model)}
      </span>
      <OnlineBadge online={chargePoint.online} />
      <label htmlFor={selectId} className="choice">
        Start mode<span className="visually-hidden"> for {chargePoint.identity}</span>
      </label>
      <select id={selectId} value={startMode} onChange={(event) => setStartMode(event.target.value)}>
        {START_MODES.filter((mode) => mode !== 'auto').map((mode) => (
          <option key={mode} value={mode}>
            {mode}
          </option>
        ))}
      </select>
      <button type="button" disabled={fetching} onClick={() => void adopt({ identity: chargePoint.identity, input: { startMode } })}>
        Adopt <span className="visually-hidden">{chargePoint.identity}</span>
      </button>
      {error && (
        <span role="alert" className="answer answer-bad">
          {error.graphQLErrors[0]?.message ?? 'the API could not be reached'}
        </span>
      )}
    </li>
  );
}
