import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { useClient, useQuery } from 'urql';
import { TransactionsDocument } from '../api/generated';
import type { Transaction, TransactionPage } from '../api/types';
import { EitherFilter } from '../components/either-filter';
import { Pager } from '../components/pager';
import { toCsv } from '../csv';
import { formatTime, formatWh, orDash, ownerName } from '../format';

const PAGE_SIZE = 25;
const SEARCH_DELAY_MS = 300;
const EXPORT_PAGE = 500;
const EXPORT_LIMIT = 10_000;

interface Filter {
  chargePoint: string;
  active: boolean | undefined;
}

const CSV_COLUMNS = [
  ['transactionId', (t: Transaction) => t.transactionId],
  ['chargePoint', (t: Transaction) => t.chargePointIdentity],
  ['connectorId', (t: Transaction) => t.connectorId],
  ['idTag', (t: Transaction) => t.idTag],
  ['owner', (t: Transaction) => ownerName(t.tagOwner)],
  ['startedAt', (t: Transaction) => t.startedAt],
  ['stoppedAt', (t: Transaction) => t.stoppedAt],
  ['meterStartWh', (t: Transaction) => t.meterStart],
  ['meterEndWh', (t: Transaction) => t.meterEnd],
  ['consumptionWh', (t: Transaction) => t.consumption],
  ['stopReason', (t: Transaction) => t.stopReason],
] as const;

const variablesOf = (filter: Filter) => ({ chargePoint: filter.chargePoint || undefined, active: filter.active });

interface View {
  filter: Filter;
  /** The cursors of the pages up to this one; the last is this page's. A new filter starts at the first page. */
  cursors: Array<string | undefined>;
}

export function TransactionsPage() {
  const [typed, setTyped] = useState('');
  const [{ filter, cursors }, setView] = useState<View>({ filter: { chargePoint: '', active: undefined }, cursors: [undefined] });
  const setFilter = (next: Filter) => setView({ filter: next, cursors: [undefined] });
  const setCursors = (next: Array<string | undefined>) => setView((view) => ({ ...view, cursors: next }));
  useEffect(() => {
    const settled = setTimeout(() => {
      setView((view) => (view.filter.chargePoint === typed.trim() ? view : { filter: { ...view.filter, chargePoint: typed.trim() }, cursors: [undefined] }));
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(settled);
  }, [typed]);

  const cursor = cursors[cursors.length - 1];
  const [{ data, error }] = useQuery<{ transactions: TransactionPage }>({
    query: TransactionsDocument,
    variables: { ...variablesOf(filter), limit: PAGE_SIZE, cursor },
  });
  const page = data?.transactions;

  return (
    <>
      <div className="title-row">
        <h1>Transactions</h1>
        <CsvExport filter={filter} />
      </div>
      <div className="filters" role="search">
        <label>
          Charge point
          <input type="search" value={typed} onChange={(event) => setTyped(event.target.value)} placeholder="identity" />
        </label>
        <EitherFilter label="Status" value={filter.active} onChange={(active) => setFilter({ ...filter, active })} names={['Running', 'Finished']} />
      </div>
      {error && <p role="alert">{error.graphQLErrors[0]?.message ?? 'The API could not be reached.'}</p>}
      {page && <TransactionTable items={page.items} />}
      <Pager
        label="Transaction pages"
        summary={`Page ${cursors.length}`}
        onPrevious={cursors.length > 1 ? () => setCursors(cursors.slice(0, -1)) : undefined}
        onNext={page?.nextCursor ? () => setCursors([...cursors, page.nextCursor ?? undefined]) : undefined}
      />
    </>
  );
}

function TransactionTable({ items }: { items: Transaction[] }) {
  if (items.length === 0) return <p>No transaction matches.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">Transactions, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Id</th>
            <th scope="col">Charge point</th>
            <th scope="col">Id tag</th>
            <th scope="col">Started</th>
            <th scope="col">Stopped</th>
            <th scope="col" className="number">
              Consumption
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((transaction) => (
            <tr key={transaction.transactionId}>
              <th scope="row">
                <Link to={`/transactions/${transaction.transactionId}`}>{transaction.transactionId}</Link>
              </th>
              <td>
                <Link to={`/charge-points/${encodeURIComponent(transaction.chargePointIdentity)}`}>{transaction.chargePointIdentity}</Link> #
                {orDash(transaction.connectorId)}
              </td>
              <td>
                {orDash(transaction.idTag)} <span className="hint">{ownerName(transaction.tagOwner)}</span>
              </td>
              <td>{formatTime(transaction.startedAt)}</td>
              <td>{transaction.stoppedAt ? formatTime(transaction.stoppedAt) : <span className="pill pill-active">running</span>}</td>
              <td className="number">{formatWh(transaction.consumption)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Every transaction of the filter (up to 10,000), page by page from the API, as one CSV file. */
function CsvExport({ filter }: { filter: Filter }) {
  const client = useClient();
  const [state, setState] = useState<string | null>(null);

  async function exportCsv(): Promise<void> {
    setState('Exporting…');
    const rows: Transaction[] = [];
    let cursor: string | undefined;
    do {
      const variables = { ...variablesOf(filter), limit: EXPORT_PAGE, cursor };
      const result = await client.query<{ transactions: TransactionPage }>(TransactionsDocument, variables, { requestPolicy: 'network-only' }).toPromise();
      if (!result.data) return setState('Export failed: the API could not be reached.');
      rows.push(...result.data.transactions.items);
      cursor = result.data.transactions.nextCursor ?? undefined;
    } while (cursor && rows.length < EXPORT_LIMIT);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([toCsv(CSV_COLUMNS, rows)], { type: 'text/csv' }));
    link.download = 'transactions.csv';
    link.click();
    URL.revokeObjectURL(link.href);
    setState(`Exported ${rows.length} transactions.`);
  }

  return (
    <p className="command">
      <button type="button" onClick={() => void exportCsv()}>
        Export CSV
      </button>
      <span role="status" className="hint">
        {state}
      </span>
    </p>
  );
}
