import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useClient, useMutation } from 'urql';
import { AdoptDocument, FleetDocument, type StartMode } from '../api/generated';
import { START_MODES, type ChargePoint, type FleetPage as Page } from '../api/types';
import { EitherFilter } from '../components/either-filter';
import { Pager } from '../components/pager';
import { OnlineBadge, StatusPill } from '../components/status';
import { formatTime, orDash } from '../format';
import { changesArrived, NOT_READ, readAnswered, readAsked, type FleetFilter, type LiveFleet } from '../live-fleet';
import { useFleetChanges, useThrottled } from '../live';

const PAGE_SIZE = 50;
const DISCOVERED_SHOWN = 20;
const SEARCH_DELAY_MS = 250;

const activeTransactions = (chargePoint: ChargePoint) => chargePoint.connectors.filter((connector) => connector.transaction).length;

interface LivePage {
  page: Page | null;
  /** Merges live changes in place; anything else asks the API again, at most once a second. */
  apply(changes: Map<string, ChargePoint>): void;
}

/**
 * One page of the fleet from the API, kept live (live-fleet.ts): read each time the subscription starts
 * following (`following` grows) or the filter changes, with the changes since each read applied on it.
 */
function useFleetPage(filter: FleetFilter, offset: number, limit: number, following: number): LivePage {
  const client = useClient();
  const variables = useMemo(
    () => ({ search: filter.search || undefined, state: filter.state, online: filter.online, offset, limit }),
    [filter, offset, limit],
  );
  const [live, setLive] = useState<LiveFleet>(NOT_READ);
  const [staleness, setStaleness] = useState(0);
  const current = useRef({ live, filter, variables, reads: 0 });
  const show = ({ live: next, stale }: { live: LiveFleet; stale: boolean }) => {
    current.current.live = next;
    setLive(next);
    if (stale) setStaleness((count) => count + 1);
  };

  const read = async () => {
    const mine = ++current.current.reads;
    show({ live: readAsked(current.current.live), stale: false });
    const result = await client.query(FleetDocument, current.current.variables, { requestPolicy: 'network-only' }).toPromise();
    // A later read (another filter, a reload) answers instead.
    if (mine !== current.current.reads || !result.data) return;
    show(readAnswered(current.current.live, result.data.fleet, current.current.filter));
  };
  const reload = useThrottled(() => void read(), 1000);
  useEffect(() => {
    if (staleness > 0) reload();
  }, [staleness, reload]);

  useEffect(() => {
    current.current = { ...current.current, filter, variables };
    if (following > 0) void read();
    // `read` takes the filter and variables from `current`: a new read is for a new filter or a new following only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [filter, variables, following]);

  const apply = (changes: Map<string, ChargePoint>) => show(changesArrived(current.current.live, changes, current.current.filter));
  return { page: live.page, apply };
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
  const [following, setFollowing] = useState(0);
  const { page: adopted, apply: applyToAdopted } = useFleetPage(adoptedFilter, offset, PAGE_SIZE, following);
  const { page: discovered, apply: applyToDiscovered } = useFleetPage(DISCOVERED, 0, DISCOVERED_SHOWN, following);
  useFleetChanges({
    onFollowing: () => setFollowing((count) => count + 1),
    onChanges: (changes) => {
      applyToAdopted(changes);
      applyToDiscovered(changes);
    },
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
              <FleetRow key={chargePoint.identity} chargePoint={chargePoint} />
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

/** A row renders again only when its charge point changed: a live change re-renders one row, not fifty. */
const FleetRow = memo(function FleetRow({ chargePoint }: { chargePoint: ChargePoint }) {
  return (
    <tr data-identity={chargePoint.identity}>
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
  );
});

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
  const [startMode, setStartMode] = useState<StartMode>('centralList');
  const [{ fetching, error }, adopt] = useMutation(AdoptDocument);
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
      <select id={selectId} value={startMode} onChange={(event) => setStartMode(event.target.value as StartMode)}>
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
