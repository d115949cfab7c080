import { useState, type FormEvent } from 'react';
import { GetLogDocument, type LogType } from '../../api/generated';
import { AnswerBadge, useCommand } from '../../components/command';

const LOG_TYPES = ['DiagnosticsLog', 'SecurityLog'] as const satisfies readonly LogType[];

/** GetLog (security whitepaper): the wallbox uploads the log to the CSMS; it is listed with the diagnostics files once uploaded. */
export function GetLog({ identity }: { identity: string }) {
  const [logType, setLogType] = useState<LogType>(LOG_TYPES[0]);
  const [filename, setFilename] = useState<string | null>(null);
  const [answer, getLog] = useCommand(GetLogDocument, (data) => setFilename(data.getLog.filename ?? null));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFilename(null);
    void getLog({ identity, logType });
  };
  return (
    <form className="inline" onSubmit={submit} aria-label="Get a log">
      <label>
        Log to upload
        <select value={logType} onChange={(event) => setLogType(event.target.value as LogType)}>
          {LOG_TYPES.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={answer?.kind === 'pending'}>
        Get log
      </button>
      <AnswerBadge answer={answer} />
      {filename && <span className="hint"> the wallbox uploads {filename}</span>}
    </form>
  );
}
