import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { ConsumptionDocument } from '../api/generated';
import type { ConsumptionBucket } from '../api/types';
import { Chart, type ChartOption } from '../components/chart';
import { consumptionChart, daysOf, type ConsumptionChart } from '../consumption-chart';
import { formatKwh } from '../format';

type Grouping = 'chargePoint' | 'tag';

/** The chart stacks this many series; the rest are summed as "others". */
const SHOWN_SERIES = 8;
const DAY_MS = 24 * 3600_000;

const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);

export function ConsumptionPage() {
  const [from, setFrom] = useState(() => isoDay(Date.now() - 29 * DAY_MS));
  const [to, setTo] = useState(() => isoDay(Date.now()));
  const [groupBy, setGroupBy] = useState<Grouping>('chargePoint');
  // The API sums transactions started in [from, to): the last day chosen is included.
  const period = useMemo(() => ({ from: `${from}T00:00:00Z`, to: new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS).toISOString() }), [from, to]);
  const [{ data, error, fetching }] = useQuery<{ consumption: ConsumptionBucket[] }>({
    query: ConsumptionDocument,
    variables: { ...period, groupBy },
    pause: !from || !to,
  });
  const chart = useMemo(() => consumptionChart(data?.consumption ?? [], daysOf(period.from, period.to)), [data, period]);
  const what = groupBy === 'chargePoint' ? 'charge point' : 'tag owner';

  return (
    <>
      <h1>Consumption</h1>
      <form className="filters" onSubmit={(event) => event.preventDefault()}>
        <label>
          From
          <input type="date" value={from} max={to} onChange={(event) => setFrom(event.target.value)} required />
        </label>
        <label>
          To
          <input type="date" value={to} min={from} onChange={(event) => setTo(event.target.value)} required />
        </label>
        <fieldset>
          <legend>Per</legend>
          {(['chargePoint', 'tag'] as const).map((grouping) => (
            <label key={grouping} className="choice">
              <input type="radio" name="groupBy" value={grouping} checked={groupBy === grouping} onChange={() => setGroupBy(grouping)} />
              {grouping === 'chargePoint' ? 'Charge point' : 'Tag owner'}
            </label>
          ))}
        </fieldset>
      </form>
      {error && <p role="alert">{error.graphQLErrors[0]?.message ?? 'The API could not be reached.'}</p>}
      {fetching && !data && <p role="status">Loading…</p>}
      {data && (
        <>
          <section aria-labelledby="per-day-title">
            <h2 id="per-day-title">Energy per day (UTC) and {what}</h2>
            <Chart option={perDayOption(chart)} label={`Energy per day and ${what}, ${from} to ${to}`} />
          </section>
          <section aria-labelledby="totals-title">
            <h2 id="totals-title">Total per {what}</h2>
            <Totals chart={chart} what={what} />
          </section>
        </>
      )}
    </>
  );
}

function Totals({ chart, what }: { chart: ConsumptionChart; what: string }) {
  if (chart.series.length === 0) return <p>No transaction started in this period.</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">{what[0].toUpperCase() + what.slice(1)}</th>
            <th scope="col" className="number">
              Energy
            </th>
          </tr>
        </thead>
        <tbody>
          {chart.series.map((series) => (
            <tr key={series.key}>
              <th scope="row">
                {series.label || '(no tag)'}
                {series.label !== series.key && <span className="hint"> {series.key}</span>}
              </th>
              <td className="number">{formatKwh(series.totalKwh)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function perDayOption({ days, series }: ConsumptionChart): ChartOption {
  const shown = series.slice(0, SHOWN_SERIES).map(({ label, key, perDay }) => ({ name: label || key || '(no tag)', data: perDay }));
  const rest = series.slice(SHOWN_SERIES);
  if (rest.length > 0) shown.push({ name: `${rest.length} others`, data: days.map((_, day) => rest.reduce((sum, { perDay }) => sum + perDay[day], 0)) });
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => `${Number(value).toFixed(2)} kWh` },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 56, right: 16, top: 40, bottom: 40 },
    xAxis: { type: 'category', data: days },
    yAxis: { type: 'value', name: 'kWh' },
    series: shown.map(({ name, data }) => ({ name, type: 'bar', stack: 'energy', data })),
  };
}
