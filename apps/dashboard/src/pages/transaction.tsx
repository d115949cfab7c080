import { useEffect, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { TransactionDocument } from '../api/generated';
import { Chart, type ChartOption } from '../components/chart';
import { Fields } from '../components/fields';
import { formatTime, formatWh, orDash, ownerName } from '../format';
import { useLiveChargePoint, useThrottled } from '../live';
import { transactionSeries, type TransactionSeries } from '../series';

export function TransactionPage() {
  const transactionId = Number(useParams().transactionId);
  const [{ data, error }, refetch] = useQuery({ query: TransactionDocument, variables: { transactionId } });
  const transaction = data?.transaction;
  const reload = useThrottled(() => refetch({ requestPolicy: 'network-only' }), 1000);
  // While it runs, each change of its charge point may bring meter values: the chart follows.
  const live = useLiveChargePoint(transaction && !transaction.stoppedAt ? transaction.chargePointIdentity : undefined);
  useEffect(() => {
    if (live) reload();
  }, [live, reload]);
  const series = useMemo(() => transactionSeries(transaction?.meterValues ?? []), [transaction]);

  if (error) return <p role="alert">{error.graphQLErrors[0]?.message ?? 'The API could not be reached.'}</p>;
  if (!transaction) return <p role="status">Loading…</p>;
  const fields: Array<[string, React.ReactNode]> = [
    ['Charge point', <Link key="cp" to={`/charge-points/${encodeURIComponent(transaction.chargePointIdentity)}`}>{transaction.chargePointIdentity}</Link>],
    ['Connector', orDash(transaction.connectorId)],
    ['Id tag', `${orDash(transaction.idTag)} ${ownerName(transaction.tagOwner)}`],
    ['Started', formatTime(transaction.startedAt)],
    ['Stopped', transaction.stoppedAt ? formatTime(transaction.stoppedAt) : 'running'],
    ['Stop reason', orDash(transaction.stopReason)],
    ['Meter start', formatWh(transaction.meterStart)],
    ['Meter end', formatWh(transaction.meterEnd)],
    ['Consumption', formatWh(transaction.consumption)],
  ];
  return (
    <>
      <div className="title-row">
        <h1>Transaction {transaction.transactionId}</h1>
        {!transaction.stoppedAt && <span className="pill pill-active">running</span>}
      </div>
      <Fields fields={fields} />
      <section aria-labelledby="chart-title">
        <h2 id="chart-title">Power and energy</h2>
        {series.energy.length + series.power.length === 0 ? (
          <p>The wallbox sent no meter values for this transaction.</p>
        ) : (
          <>
            <p className="hint" data-testid="chart-summary">
              {summary(series, transaction.meterStart)}
            </p>
            <Chart option={chartOption(series)} label={`Power and energy of transaction ${transaction.transactionId}: ${summary(series, transaction.meterStart)}`} />
          </>
        )}
      </section>
    </>
  );
}

/** Delivered: from the meter at the start (or the first reading) to the last reading. */
function summary({ energy, power, powerDerived }: TransactionSeries, meterStartWh: number | null): string {
  const first = meterStartWh === null ? energy[0]?.[1] ?? 0 : meterStartWh / 1000;
  const delivered = energy.length > 0 ? energy[energy.length - 1][1] - first : 0;
  const peak = Math.max(0, ...power.map(([, kw]) => kw));
  const source = powerDerived ? 'power derived from the energy register' : 'power as measured';
  return `${energy.length} energy readings, ${delivered.toFixed(2)} kWh delivered; peak ${peak.toFixed(2)} kW (${source})`;
}

function chartOption({ energy, power }: TransactionSeries): ChartOption {
  return {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 56, right: 56, top: 40, bottom: 64 },
    xAxis: { type: 'time' },
    yAxis: [
      { type: 'value', name: 'kW', position: 'left', alignTicks: true },
      { type: 'value', name: 'kWh', position: 'right', scale: true, alignTicks: true },
    ],
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 20, bottom: 16 }],
    series: [
      { name: 'Power (kW)', type: 'line', step: 'end', showSymbol: false, yAxisIndex: 0, data: power, areaStyle: { opacity: 0.15 }, color: '#f5a524' },
      { name: 'Energy (kWh)', type: 'line', showSymbol: energy.length < 50, yAxisIndex: 1, data: energy, color: '#2563eb' },
    ],
  };
}
