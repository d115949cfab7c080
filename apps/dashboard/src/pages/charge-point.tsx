import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { answerOf, type Answer } from '../api/answer';
import {
  AdoptDocument,
  ChangeAvailabilityDocument,
  ChangeConfigurationDocument,
  ChargePointDocument,
  GetConfigurationDocument,
  RemoteStartDocument,
  RemoteStopDocument,
  RemoveLocalTagDocument,
  ResetDocument,
  SaveLocalTagDocument,
  TriggerDocument,
  UnlockDocument,
  type StartMode,
  type TriggerMessage,
} from '../api/generated';
import { START_MODES, TRIGGER_MESSAGES, type ChargePointDetail, type ConfigurationKey, type Connector, type Tag } from '../api/types';
import { AnswerBadge, CommandButton, useCommand } from '../components/command';
import { Fields } from '../components/fields';
import { OnlineBadge, StatusPill } from '../components/status';
import { formatKwh, formatTime, formatWh, orDash } from '../format';
import { useLiveChargePoint } from '../live';
import { Certificates } from './charge-point/certificates';
import { ChargingProfiles } from './charge-point/charging-profiles';
import { Firmware } from './charge-point/firmware';
import { Reservations } from './charge-point/reservations';
import { Security } from './charge-point/security';

export function ChargePointPage() {
  const identity = useParams().identity as string;
  const [{ data, error }] = useQuery({ query: ChargePointDocument, variables: { identity } });
  // Starts with the state now, so it is never older than what was read.
  const live = useLiveChargePoint(identity);
  const chargePoint = live ?? data?.chargePoint;
  if (error) return <p role="alert">{error.graphQLErrors[0]?.message ?? 'The API could not be reached.'}</p>;
  if (!chargePoint) return <p role="status">Loading…</p>;
  return (
    <>
      <div className="title-row">
        <h1>{chargePoint.identity}</h1>
        <OnlineBadge online={chargePoint.online} />
        <StatusPill status={chargePoint.status} />
      </div>
      <nav aria-label="Sections of this charge point" className="section-links">
        {SECTIONS.map(([id, name]) => (
          <a key={id} href={`#${id}`}>
            {name}
          </a>
        ))}
      </nav>
      {chargePoint.state === 'discovered' && <Adopt identity={identity} />}
      <Variables chargePoint={chargePoint} />
      <section aria-labelledby="connectors-title">
        <h2 id="connectors-title">Connectors</h2>
        <div className="cards">
          {chargePoint.connectors.map((connector) => (
            <ConnectorCard key={connector.connectorId} identity={identity} connector={connector} />
          ))}
        </div>
      </section>
      <Controls identity={identity} connectors={chargePoint.connectors} />
      <Reservations identity={identity} connectors={chargePoint.connectors} />
      <ChargingProfiles identity={identity} connectors={chargePoint.connectors} />
      <Firmware identity={identity} chargePoint={chargePoint} />
      <Security identity={identity} chargePoint={chargePoint} />
      <Certificates identity={identity} chargePoint={chargePoint} />
      <Configuration identity={identity} />
      <LocalTags identity={identity} tags={data?.localTags ?? []} />
    </>
  );
}

/** In-page links: the page is long, and a keyboard user reaches each section in one step. */
const SECTIONS = [
  ['connectors-title', 'Connectors'],
  ['controls-title', 'Controls'],
  ['reservations-title', 'Reservations'],
  ['profiles-title', 'Charging profiles'],
  ['firmware-title', 'Firmware and logs'],
  ['security-title', 'Security'],
  ['certificates-title', 'Certificates'],
  ['configuration-title', 'Configuration'],
  ['local-tags-title', 'Local tag list'],
] as const;

function Variables({ chargePoint }: { chargePoint: ChargePointDetail }) {
  const fields: Array<[string, string]> = [
    ['Vendor', orDash(chargePoint.vendor)],
    ['Model', orDash(chargePoint.model)],
    ['Serial number', orDash(chargePoint.serialNumber)],
    ['Firmware', orDash(chargePoint.firmwareVersion)],
    ['Last id tag', orDash(chargePoint.lastIdTag)],
    ['Last seen', formatTime(chargePoint.lastSeenAt)],
    ['State', chargePoint.state],
    ['Start mode', orDash(chargePoint.startMode)],
    ['Error code', orDash(chargePoint.errorCode === 'NoError' ? '' : chargePoint.errorCode)],
  ];
  return (
    <section aria-labelledby="variables-title">
      <h2 id="variables-title">Charge point</h2>
      <Fields fields={fields} />
    </section>
  );
}

function Adopt({ identity }: { identity: string }) {
  const [startMode, setStartMode] = useState<StartMode>('centralList');
  const [{ fetching, error }, adopt] = useMutation(AdoptDocument);
  return (
    <section className="discovered" aria-label="Adopt">
      <p>This wallbox is discovered, not adopted: it may not charge until you adopt it.</p>
      <label>
        Start mode
        <select value={startMode} onChange={(event) => setStartMode(event.target.value as StartMode)}>
          {START_MODES.filter((mode) => mode !== 'auto').map((mode) => (
            <option key={mode}>{mode}</option>
          ))}
        </select>
      </label>
      <button type="button" disabled={fetching} onClick={() => void adopt({ identity, input: { startMode } })}>
        Adopt
      </button>
      {error && <span role="alert">{error.graphQLErrors[0]?.message}</span>}
    </section>
  );
}

function ConnectorCard({ identity, connector }: { identity: string; connector: Connector }) {
  const titleId = useId();
  const { connectorId } = connector;
  const fields: Array<[string, React.ReactNode]> = [
    ['Status', <StatusPill key="status" status={connector.status} />],
    ['Available', connector.available ? 'yes' : 'no'],
    ['Error code', orDash(connector.errorCode)],
    ['Meter', formatKwh(connector.meterValue)],
    ['Transaction', connector.transaction ? 'active' : 'none'],
    [
      'Transaction id',
      connector.transactionId === null ? '—' : <Link to={`/transactions/${connector.transactionId}`}>{connector.transactionId}</Link>,
    ],
    ['Meter start', formatWh(connector.transactionMeterStart)],
    ['Meter end', formatWh(connector.transactionMeterEnd)],
    ['Id tag', orDash(connector.transactionIdTag)],
    ['Consumption', formatWh(connector.transactionConsumption)],
  ];
  return (
    <article className="card" aria-labelledby={titleId} data-connector={connectorId}>
      <h3 id={titleId}>Connector {connectorId}</h3>
      <Fields fields={fields} compact />
      <div className="actions">
        <CommandButton
          document={ChangeAvailabilityDocument}
          variables={{ identity, connectorId, available: !connector.available }}
          label={`${connector.available ? 'Make unavailable' : 'Make available'}: connector ${connectorId}`}
        >
          {connector.available ? 'Make unavailable' : 'Make available'}
        </CommandButton>
        <RemoteStart identity={identity} connectorId={connectorId} />
        <CommandButton
          document={RemoteStopDocument}
          variables={{ identity, transactionId: connector.transactionId ?? 0 }}
          disabled={!connector.transaction || connector.transactionId === null}
          label={`Remote stop: connector ${connectorId}`}
        >
          Remote stop
        </CommandButton>
        <CommandButton document={UnlockDocument} variables={{ identity, connectorId }} label={`Unlock: connector ${connectorId}`}>
          Unlock
        </CommandButton>
      </div>
    </article>
  );
}

function RemoteStart({ identity, connectorId }: { identity: string; connectorId: number }) {
  const [idTag, setIdTag] = useState('');
  const [answer, run] = useCommand(RemoteStartDocument);
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run({ identity, connectorId, idTag: idTag.trim() });
  };
  return (
    <form className="inline" onSubmit={submit}>
      <label htmlFor={inputId} className="visually-hidden">
        Id tag to start connector {connectorId} with
      </label>
      <input id={inputId} value={idTag} onChange={(event) => setIdTag(event.target.value)} placeholder="id tag" maxLength={20} required size={10} />
      <button type="submit" aria-label={`Remote start: connector ${connectorId}`} disabled={answer?.kind === 'pending'}>
        Remote start
      </button>
      <AnswerBadge answer={answer} />
    </form>
  );
}

function Controls({ identity, connectors }: { identity: string; connectors: Connector[] }) {
  const [message, setMessage] = useState<TriggerMessage>('StatusNotification');
  const [connectorId, setConnectorId] = useState('');
  const [triggerAnswer, trigger] = useCommand(TriggerDocument);
  return (
    <section aria-labelledby="controls-title">
      <h2 id="controls-title">Controls</h2>
      <div className="actions">
        <CommandButton document={ChangeAvailabilityDocument} variables={{ identity, connectorId: 0, available: false }} label="Make the whole charge point unavailable">
          Whole charge point unavailable
        </CommandButton>
        <CommandButton document={ChangeAvailabilityDocument} variables={{ identity, connectorId: 0, available: true }} label="Make the whole charge point available">
          Whole charge point available
        </CommandButton>
        <CommandButton document={ResetDocument} variables={{ identity, type: 'Soft' }}>
          Soft reset
        </CommandButton>
        <CommandButton document={ResetDocument} variables={{ identity, type: 'Hard' }}>
          Hard reset
        </CommandButton>
      </div>
      <form
        className="inline"
        onSubmit={(event) => {
          event.preventDefault();
          void trigger({ identity, message, connectorId: connectorId ? Number(connectorId) : undefined });
        }}
      >
        <label>
          Trigger message
          <select value={message} onChange={(event) => setMessage(event.target.value as TriggerMessage)}>
            {TRIGGER_MESSAGES.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          for
          <select value={connectorId} onChange={(event) => setConnectorId(event.target.value)}>
            <option value="">the charge point</option>
            {connectors.map((connector) => (
              <option key={connector.connectorId} value={connector.connectorId}>
                connector {connector.connectorId}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={triggerAnswer?.kind === 'pending'}>
          Trigger
        </button>
        <AnswerBadge answer={triggerAnswer} />
      </form>
    </section>
  );
}

function Configuration({ identity }: { identity: string }) {
  const client = useClient();
  const [keys, setKeys] = useState<ConfigurationKey[] | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);

  async function read(): Promise<void> {
    setAnswer({ kind: 'pending' });
    const result = await client.query(GetConfigurationDocument, { identity }, { requestPolicy: 'network-only' }).toPromise();
    const configuration = result.data?.getConfiguration;
    setAnswer(configuration ? null : answerOf(undefined, result.error));
    if (configuration) setKeys(configuration.configurationKey ?? []);
  }

  return (
    <section aria-labelledby="configuration-title">
      <h2 id="configuration-title">Configuration</h2>
      <p className="command">
        <button type="button" onClick={() => void read()}>
          {keys ? 'Read again from the wallbox' : 'Read from the wallbox'}
        </button>
        <AnswerBadge answer={answer} />
      </p>
      {keys && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Key</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {keys.map((key) => (
                <tr key={key.key}>
                  <th scope="row">{key.key}</th>
                  <td>{key.readonly ? orDash(key.value) : <ConfigurationValue identity={identity} configurationKey={key} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ConfigurationValue({ identity, configurationKey }: { identity: string; configurationKey: ConfigurationKey }) {
  const [value, setValue] = useState(configurationKey.value ?? '');
  const [answer, run] = useCommand(ChangeConfigurationDocument);
  return (
    <form
      className="inline"
      onSubmit={(event) => {
        event.preventDefault();
        void run({ identity, key: configurationKey.key, value });
      }}
    >
      <input aria-label={configurationKey.key} value={value} onChange={(event) => setValue(event.target.value)} maxLength={500} />
      <button type="submit" disabled={answer?.kind === 'pending'}>
        Change
      </button>
      <AnswerBadge answer={answer} />
    </form>
  );
}

function LocalTags({ identity, tags }: { identity: string; tags: Tag[] }) {
  const [idTag, setIdTag] = useState('');
  const [{ error: saveError }, save] = useMutation(SaveLocalTagDocument);
  const [{ error: removeError }, remove] = useMutation(RemoveLocalTagDocument);
  const error = saveError ?? removeError;
  const add = async (event: FormEvent) => {
    event.preventDefault();
    const result = await save({ identity, idTag: idTag.trim(), input: {} });
    if (!result.error) setIdTag('');
  };
  return (
    <section aria-labelledby="local-tags-title">
      <h2 id="local-tags-title">Local tag list</h2>
      {tags.length === 0 ? (
        <p>No tags on this charge point's local list.</p>
      ) : (
        <ul className="tag-list">
          {tags.map((tag) => (
            <li key={tag.idTag}>
              <span className="identity">{tag.idTag}</span>
              {tag.blocked && <span className="pill pill-bad">blocked</span>}
              <button type="button" className="link" onClick={() => void remove({ identity, idTag: tag.idTag }, { additionalTypenames: ['Tag'] })}>
                Remove <span className="visually-hidden">{tag.idTag}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline" onSubmit={(event) => void add(event)}>
        <label>
          Id tag
          <input value={idTag} onChange={(event) => setIdTag(event.target.value)} maxLength={20} required />
        </label>
        <button type="submit">Add to the local list</button>
        {error && <span role="alert">{error.graphQLErrors[0]?.message}</span>}
      </form>
    </section>
  );
}
