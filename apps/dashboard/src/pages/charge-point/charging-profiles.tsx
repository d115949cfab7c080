import { useState, type FormEvent } from 'react';
import { useClient } from 'urql';
import { answerOf, type Answer } from '../../api/answer';
import { ClearChargingProfileDocument, CompositeScheduleDocument, SetChargingProfileDocument, type CompositeScheduleQuery } from '../../api/generated';
import type { Connector } from '../../api/types';
import { AnswerBadge, CommandButton, useCommand } from '../../components/command';
import { formatTime } from '../../format';
import { useLiveChargingProfiles } from '../../live';
import { ConnectorSelect } from './inputs';

/** The simple profiles an operator sets here: a limit from now on, for every transaction or for the whole charge point. */
const PURPOSES = {
  TxDefaultProfile: { name: 'Default for transactions', chargingProfileId: 1 },
  ChargePointMaxProfile: { name: 'Charge point maximum', chargingProfileId: 2 },
} as const;
type Purpose = keyof typeof PURPOSES;
const UNITS = ['A', 'W'] as const;
type Unit = (typeof UNITS)[number];
const SCHEDULE_SECONDS = 3600;

type Schedule = CompositeScheduleQuery['compositeSchedule'];

/** SetChargingProfile (a limit), ClearChargingProfile, the profiles the charge point accepted (live), and its composite schedule. */
export function ChargingProfiles({ identity, connectors }: { identity: string; connectors: Connector[] }) {
  const profiles = useLiveChargingProfiles(identity);
  return (
    <section aria-labelledby="profiles-title">
      <h2 id="profiles-title">Charging profiles</h2>
      <SetProfile identity={identity} connectors={connectors} />
      {profiles.length === 0 ? (
        <p>No charging profile installed.</p>
      ) : (
        <ul className="tag-list" aria-label="Installed charging profiles">
          {profiles.map((profile) => {
            const { chargingRateUnit, chargingSchedulePeriod } = profile.profile.chargingSchedule;
            return (
              <li key={`${profile.connectorId}-${profile.chargingProfileId}`}>
                <span className="identity">{profile.purpose}</span>
                <span>
                  connector {profile.connectorId}, stack level {profile.stackLevel}: {chargingSchedulePeriod.map(({ limit }) => `${limit} ${chargingRateUnit}`).join(', ')}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <CompositeSchedule identity={identity} connectors={connectors} />
    </section>
  );
}

function SetProfile({ identity, connectors }: { identity: string; connectors: Connector[] }) {
  const [purpose, setPurpose] = useState<Purpose>('TxDefaultProfile');
  const [connectorId, setConnectorId] = useState(0);
  const [limit, setLimit] = useState('16');
  const [unit, setUnit] = useState<Unit>('A');
  const [answer, send] = useCommand(SetChargingProfileDocument);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const profile = {
      chargingProfileId: PURPOSES[purpose].chargingProfileId,
      stackLevel: 0,
      chargingProfilePurpose: purpose,
      chargingProfileKind: 'Absolute',
      chargingSchedule: { chargingRateUnit: unit, startSchedule: new Date().toISOString(), chargingSchedulePeriod: [{ startPeriod: 0, limit: Number(limit) }] },
    };
    // A charge point maximum is the whole charge point's: connector 0.
    void send({ identity, connectorId: purpose === 'ChargePointMaxProfile' ? 0 : connectorId, profile });
  };
  return (
    <form className="inline" onSubmit={submit} aria-label="Set a charging profile">
      <label>
        Profile
        <select value={purpose} onChange={(event) => setPurpose(event.target.value as Purpose)}>
          {Object.entries(PURPOSES).map(([value, { name }]) => (
            <option key={value} value={value}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {purpose === 'TxDefaultProfile' && <ConnectorSelect connectors={connectors} value={connectorId} onChange={setConnectorId} anyLabel="every connector" />}
      <label>
        Limit
        <input type="number" min={0} step={0.1} value={limit} onChange={(event) => setLimit(event.target.value)} required size={6} />
      </label>
      <UnitSelect value={unit} onChange={setUnit} />
      <button type="submit" disabled={answer?.kind === 'pending'}>
        Set profile
      </button>
      <AnswerBadge answer={answer} />
      <CommandButton document={ClearChargingProfileDocument} variables={{ identity, purpose }} label={`Clear the ${PURPOSES[purpose].name.toLowerCase()} profiles`}>
        Clear
      </CommandButton>
    </form>
  );
}

function UnitSelect({ value, onChange }: { value: Unit; onChange: (unit: Unit) => void }) {
  return (
    <label>
      Unit
      <select value={value} onChange={(event) => onChange(event.target.value as Unit)}>
        {UNITS.map((unit) => (
          <option key={unit}>{unit}</option>
        ))}
      </select>
    </label>
  );
}

function CompositeSchedule({ identity, connectors }: { identity: string; connectors: Connector[] }) {
  const client = useClient();
  const [connectorId, setConnectorId] = useState(0);
  const [unit, setUnit] = useState<Unit>('A');
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [schedule, setSchedule] = useState<Schedule | null>(null);
  const ask = async (event: FormEvent) => {
    event.preventDefault();
    setAnswer({ kind: 'pending' });
    const result = await client.query(CompositeScheduleDocument, { identity, connectorId, duration: SCHEDULE_SECONDS, chargingRateUnit: unit }, { requestPolicy: 'network-only' }).toPromise();
    const composite = result.data?.compositeSchedule;
    setAnswer(answerOf(composite?.status, result.error));
    setSchedule(composite ?? null);
  };
  return (
    <>
      <h3>Composite schedule</h3>
      <form className="inline" onSubmit={(event) => void ask(event)} aria-label="Get the composite schedule">
        <ConnectorSelect connectors={connectors} value={connectorId} onChange={setConnectorId} anyLabel="the charge point" />
        <UnitSelect value={unit} onChange={setUnit} />
        <button type="submit" disabled={answer?.kind === 'pending'}>
          Get the next hour’s schedule
        </button>
        <AnswerBadge answer={answer} />
      </form>
      {schedule?.chargingSchedule && <ScheduleTable schedule={schedule} />}
    </>
  );
}

function ScheduleTable({ schedule }: { schedule: Schedule }) {
  const { chargingRateUnit, chargingSchedulePeriod } = schedule.chargingSchedule ?? { chargingRateUnit: '', chargingSchedulePeriod: [] };
  const start = schedule.scheduleStart ? new Date(schedule.scheduleStart).getTime() : null;
  return (
    <div className="table-wrap">
      <table aria-label="Composite schedule">
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col" className="number">
              Limit
            </th>
            <th scope="col" className="number">
              Phases
            </th>
          </tr>
        </thead>
        <tbody>
          {chargingSchedulePeriod.map((period) => (
            <tr key={period.startPeriod}>
              <th scope="row">{start === null ? `+${period.startPeriod} s` : formatTime(new Date(start + period.startPeriod * 1000).toISOString())}</th>
              <td className="number">
                {period.limit} {chargingRateUnit}
              </td>
              <td className="number">{period.numberPhases ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
