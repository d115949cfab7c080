import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { FirmwareDocument, GetDiagnosticsDocument, UpdateFirmwareDocument } from '../../api/generated';
import type { ChargePointDetail } from '../../api/types';
import { AnswerBadge, useCommand } from '../../components/command';
import { Fields } from '../../components/fields';
import { formatTime, orDash, statusAt } from '../../format';
import { storedToken } from '../../session';
import { ImageSelect, useChosenImage, type FirmwareImage } from './image-select';
import { GetLog } from './logs';
import { SignedUpdateFirmware } from './signed-firmware';

const authorization = () => ({ authorization: `Bearer ${storedToken() ?? ''}` });

/** Why the API refused a request, from its JSON error body (`message`, a string or a list), else its status. */
async function refusal(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { message?: string | string[] } | null;
  return [body?.message ?? `HTTP ${response.status}`].flat().join('; ');
}

/**
 * Firmware, diagnostics and logs: the statuses the wallbox last reported, an image uploaded (a file, sent
 * to the API's REST route: GraphQL carries no files) and installed with UpdateFirmware or
 * SignedUpdateFirmware, GetDiagnostics, GetLog and the files the wallbox uploaded.
 */
export function Firmware({ identity, chargePoint }: { identity: string; chargePoint: ChargePointDetail }) {
  const [{ data }, reexecute] = useQuery({ query: FirmwareDocument, variables: { identity }, requestPolicy: 'cache-and-network' });
  const reload = () => reexecute({ requestPolicy: 'network-only' });
  // An upload the wallbox finished (diagnosticsStatus or logStatus Uploaded) brings a file to list.
  useEffect(() => reexecute({ requestPolicy: 'network-only' }), [chargePoint.diagnosticsStatus, chargePoint.logStatus, reexecute]);
  const [fileName, setFileName] = useState<string | null>(null);
  const [diagnosticsAnswer, getDiagnostics] = useCommand(GetDiagnosticsDocument, (answer) => setFileName(answer.getDiagnostics.fileName));
  const statuses: Array<[string, string]> = [
    ['Firmware', orDash(chargePoint.firmwareVersion)],
    ['Firmware status', statusAt(chargePoint.firmwareStatus, chargePoint.firmwareStatusAt)],
    ['Diagnostics status', statusAt(chargePoint.diagnosticsStatus, chargePoint.diagnosticsStatusAt)],
    ['Log status', statusAt(chargePoint.logStatus, chargePoint.logStatusAt)],
  ];
  return (
    <section aria-labelledby="firmware-title" className="stack">
      <h2 id="firmware-title">Firmware, diagnostics and logs</h2>
      <Fields fields={statuses} compact />
      <UploadImage onUploaded={reload} />
      <UpdateFirmware identity={identity} images={data?.firmwareImages ?? []} />
      <SignedUpdateFirmware identity={identity} images={data?.firmwareImages ?? []} />
      <p className="command">
        <button type="button" onClick={() => void getDiagnostics({ identity })} disabled={diagnosticsAnswer?.kind === 'pending'}>
          Get diagnostics
        </button>
        <AnswerBadge answer={diagnosticsAnswer} />
        {fileName && <span className="hint"> the wallbox uploads {fileName}</span>}
      </p>
      <GetLog identity={identity} />
      <DiagnosticsFiles identity={identity} files={data?.diagnosticsFiles ?? []} />
    </section>
  );
}

function UploadImage({ onUploaded }: { onUploaded: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [version, setVersion] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const upload = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setOutcome({ ok: true, text: 'Uploading…' });
    const query = new URLSearchParams({ name: file.name, version: version.trim() });
    const response = await fetch(`/api/firmware-images?${query}`, {
      method: 'POST',
      headers: { ...authorization(), 'content-type': 'application/octet-stream' },
      body: file,
    }).catch(() => null);
    if (!response) return setOutcome({ ok: false, text: 'the API could not be reached' });
    setOutcome(response.ok ? { ok: true, text: `Uploaded ${file.name}` } : { ok: false, text: await refusal(response) });
    if (response.ok) onUploaded();
  };
  return (
    <form className="inline" onSubmit={(event) => void upload(event)} aria-label="Upload a firmware image">
      <label>
        Firmware image
        <input type="file" onChange={(event) => setFile(event.target.files?.[0] ?? null)} required />
      </label>
      <label>
        Version it installs
        <input value={version} onChange={(event) => setVersion(event.target.value)} maxLength={50} required size={10} />
      </label>
      <button type="submit">Upload</button>
      <span role="status" className={`answer ${outcome ? (outcome.ok ? 'answer-good' : 'answer-bad') : ''}`}>
        {outcome?.text}
      </span>
    </form>
  );
}

function UpdateFirmware({ identity, images }: { identity: string; images: FirmwareImage[] }) {
  const [image, setImage] = useChosenImage(images);
  const [answer, update] = useCommand(UpdateFirmwareDocument);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void update({ identity, image, retrieveDate: new Date().toISOString() });
  };
  if (images.length === 0) return <p>No firmware image uploaded yet.</p>;
  return (
    <form className="inline" onSubmit={submit} aria-label="Update firmware">
      <ImageSelect label="Image to install" images={images} value={image} onChange={setImage} />
      <button type="submit" disabled={answer?.kind === 'pending'}>
        Update firmware
      </button>
      <AnswerBadge answer={answer} />
    </form>
  );
}

function DiagnosticsFiles({ identity, files }: { identity: string; files: Array<{ name: string; size: number; uploadedAt: string }> }) {
  // The download needs the bearer token, which a plain link cannot carry: fetched, then saved from memory.
  const download = async (name: string) => {
    const response = await fetch(`/api/charge-points/${encodeURIComponent(identity)}/diagnostics-files/${encodeURIComponent(name)}`, { headers: authorization() });
    if (!response.ok) return;
    const url = URL.createObjectURL(await response.blob());
    const link = Object.assign(document.createElement('a'), { href: url, download: name });
    link.click();
    URL.revokeObjectURL(url);
  };
  if (files.length === 0) return <p>No diagnostics or log files uploaded.</p>;
  return (
    <ul className="tag-list" aria-label="Diagnostics and log files">
      {files.map((file) => (
        <li key={file.name}>
          <span className="identity">{file.name}</span>
          <span>
            {file.size.toLocaleString()} bytes, {formatTime(file.uploadedAt)}
          </span>
          <button type="button" className="link" onClick={() => void download(file.name)}>
            Download <span className="visually-hidden">{file.name}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
