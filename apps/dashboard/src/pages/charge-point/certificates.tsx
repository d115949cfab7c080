import { useEffect, useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import {
  DeleteCertificateDocument,
  ExtendedTriggerDocument,
  InstallCertificateDocument,
  InstalledCertificateIdsDocument,
  InstalledCertificatesDocument,
  type CertificateUse,
  type InstalledCertificatesQuery,
} from '../../api/generated';
import type { ChargePointDetail } from '../../api/types';
import { AnswerBadge, CommandButton, useCommand } from '../../components/command';
import { Fields } from '../../components/fields';
import { formatTime, statusAt } from '../../format';
import { PemInput } from './pem-input';

const USES = ['CentralSystemRootCertificate', 'ManufacturerRootCertificate'] as const satisfies readonly CertificateUse[];
type Installed = InstalledCertificatesQuery['installedCertificates'][number];

/** How long after a command the list is read again: the read model follows the wallbox's answer within moments. */
const SETTLE_READS = 5;

/** A query's re-execution, as urql hands it out (stable across renders). */
type Reexecute = (context: { requestPolicy: 'network-only' }) => void;

/** Reads again once a second for a few seconds: what the wallbox answered reaches the read model just after the answer. */
function useSettlingReads(reexecute: Reexecute): () => void {
  const [left, setLeft] = useState(0);
  useEffect(() => {
    if (left === 0) return;
    const timer = setTimeout(() => {
      reexecute({ requestPolicy: 'network-only' });
      setLeft(left - 1);
    }, 1_000);
    return () => clearTimeout(timer);
  }, [left, reexecute]);
  return () => {
    reexecute({ requestPolicy: 'network-only' });
    setLeft(SETTLE_READS);
  };
}

/**
 * The whitepaper's certificates: what the CSMS believes the wallbox holds (from its answers), a root
 * installed, the wallbox asked for its ids, one deleted, and the wallbox asked to renew its own certificate,
 * with where its newest signing request stands (live, as the charge point changes).
 */
export function Certificates({ identity, chargePoint }: { identity: string; chargePoint: ChargePointDetail }) {
  const [{ data, error }, reexecute] = useQuery({ query: InstalledCertificatesDocument, variables: { identity }, requestPolicy: 'cache-and-network' });
  const settle = useSettlingReads(reexecute);
  return (
    <section aria-labelledby="certificates-title" className="stack">
      <h2 id="certificates-title">Certificates</h2>
      <InstallCertificate identity={identity} onAnswered={settle} />
      <AskInstalledIds identity={identity} onAnswered={settle} />
      {error && <p role="alert">{error.graphQLErrors[0]?.message ?? 'The API could not be reached.'}</p>}
      <InstalledList identity={identity} certificates={data?.installedCertificates ?? []} onDeleted={settle} />
      <SigningState chargePoint={chargePoint} />
      <p className="command">
        <CommandButton document={ExtendedTriggerDocument} variables={{ identity, requestedMessage: 'SignChargePointCertificate' }}>
          Renew the wallbox’s certificate
        </CommandButton>
      </p>
      <p className="hint">
        The wallbox then sends a signing request; the CSMS signs it and sends the certificate back. A certificate it refuses shows among the security events
        (InvalidChargePointCertificate).
      </p>
    </section>
  );
}

/** The wallbox's newest SignCertificate request: requested, signed, refused by the CA, or what the wallbox answered to CertificateSigned. */
function SigningState({ chargePoint }: { chargePoint: ChargePointDetail }) {
  const { certificateSigningStatus, certificateSigningAt, certificateSigningReason } = chargePoint;
  const fields: Array<[string, string]> = [['Certificate signing', statusAt(certificateSigningStatus, certificateSigningAt)]];
  if (certificateSigningReason) fields.push(['Signing stopped because', certificateSigningReason]);
  return <Fields fields={fields} compact />;
}

function UseSelect({ value, onChange }: { value: CertificateUse; onChange: (use: CertificateUse) => void }) {
  return (
    <label>
      Certificate type
      <select value={value} onChange={(event) => onChange(event.target.value as CertificateUse)}>
        {USES.map((use) => (
          <option key={use} value={use}>
            {use}
          </option>
        ))}
      </select>
    </label>
  );
}

function InstallCertificate({ identity, onAnswered }: { identity: string; onAnswered: () => void }) {
  const [certificateType, setType] = useState<CertificateUse>(USES[0]);
  const [certificate, setCertificate] = useState('');
  const [answer, install] = useCommand(InstallCertificateDocument, onAnswered);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void install({ identity, certificateType, certificate });
  };
  return (
    <form className="inline" onSubmit={submit} aria-label="Install a root certificate">
      <UseSelect value={certificateType} onChange={setType} />
      <PemInput label="Certificate" value={certificate} onChange={setCertificate} />
      <button type="submit" disabled={answer?.kind === 'pending'}>
        Install certificate
      </button>
      <AnswerBadge answer={answer} />
    </form>
  );
}

function AskInstalledIds({ identity, onAnswered }: { identity: string; onAnswered: () => void }) {
  const [certificateType, setType] = useState<CertificateUse>(USES[0]);
  const [answer, ask] = useCommand(InstalledCertificateIdsDocument, onAnswered);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void ask({ identity, certificateType });
  };
  return (
    <form className="inline" onSubmit={submit} aria-label="Ask the wallbox for its installed certificates">
      <UseSelect value={certificateType} onChange={setType} />
      <button type="submit" disabled={answer?.kind === 'pending'}>
        Ask the wallbox for its certificates
      </button>
      <AnswerBadge answer={answer} />
    </form>
  );
}

/** The list, each certificate with its Delete; the answer stays above the list, as the row goes once the wallbox deleted it. */
function InstalledList({ identity, certificates, onDeleted }: { identity: string; certificates: Installed[]; onDeleted: () => void }) {
  const [deleting, setDeleting] = useState<string | null>(null);
  const [answer, remove] = useCommand(DeleteCertificateDocument, onDeleted);
  const removeOne = ({ hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber }: Installed) => {
    setDeleting(serialNumber);
    void remove({ identity, hashAlgorithm, issuerNameHash, issuerKeyHash, serialNumber });
  };
  return (
    <>
      {deleting !== null && (
        <p className="command" data-testid="delete-answer">
          <span>
            Delete certificate <span className="identity">{deleting}</span>:
          </span>
          <AnswerBadge answer={answer} />
        </p>
      )}
      {certificates.length === 0 ? (
        <p>No certificate known to be installed.</p>
      ) : (
        <div className="table-wrap">
          <table aria-label="Installed certificates">
            <thead>
              <tr>
                <th scope="col">Serial number</th>
                <th scope="col">Type</th>
                <th scope="col">Issuer name hash</th>
                <th scope="col">Reported</th>
                <th scope="col">Delete</th>
              </tr>
            </thead>
            <tbody>
              {certificates.map((certificate) => (
                <tr key={`${certificate.issuerNameHash}-${certificate.serialNumber}`}>
                  <th scope="row" className="identity">
                    {certificate.serialNumber}
                  </th>
                  <td>{certificate.certificateType}</td>
                  <td className="identity" title={certificate.issuerNameHash}>
                    {certificate.hashAlgorithm} {certificate.issuerNameHash.slice(0, 12)}…
                  </td>
                  <td>{formatTime(certificate.reportedAt)}</td>
                  <td>
                    <button type="button" onClick={() => removeOne(certificate)} disabled={answer?.kind === 'pending'} aria-label={`Delete certificate ${certificate.serialNumber}`}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
