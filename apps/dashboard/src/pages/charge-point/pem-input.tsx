/** A PEM text pasted, or read from a file picked: both fill the same field. */
export function PemInput({ label, value, onChange }: { label: string; value: string; onChange: (pem: string) => void }) {
  const pick = async (file: File | undefined) => onChange(file ? await file.text() : '');
  return (
    <>
      <label>
        {label} file
        <input type="file" accept=".pem,.crt,.cer" onChange={(event) => void pick(event.target.files?.[0])} />
      </label>
      <label className="wide">
        {label} (PEM)
        <textarea value={value} onChange={(event) => onChange(event.target.value)} rows={4} required placeholder="-----BEGIN CERTIFICATE-----" spellCheck={false} />
      </label>
    </>
  );
}
