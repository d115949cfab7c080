import { useState, type FormEvent } from 'react';
import { SignedUpdateFirmwareDocument } from '../../api/generated';
import { AnswerBadge, useCommand } from '../../components/command';
import { ImageSelect, useChosenImage, type FirmwareImage } from './image-select';
import { PemInput } from './pem-input';

/** The signature file as `openssl dgst -sign` writes it (raw bytes), in base64 as SignedUpdateFirmware carries it. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(''));
}

/**
 * SignedUpdateFirmware: an uploaded image with the manufacturer's signing certificate and signature
 * (the CSMS never signs firmware); the wallbox's progress shows as the firmware status.
 */
export function SignedUpdateFirmware({ identity, images }: { identity: string; images: FirmwareImage[] }) {
  const [image, setImage] = useChosenImage(images);
  const [signingCertificate, setSigningCertificate] = useState('');
  const [signature, setSignature] = useState('');
  const [answer, update] = useCommand(SignedUpdateFirmwareDocument);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void update({ identity, image, retrieveDateTime: new Date().toISOString(), signingCertificate, signature: signature.trim() });
  };
  if (images.length === 0) return null;
  return (
    <form className="inline" onSubmit={submit} aria-label="Signed firmware update">
      <ImageSelect label="Signed firmware image" images={images} value={image} onChange={setImage} />
      <PemInput label="Signing certificate" value={signingCertificate} onChange={setSigningCertificate} />
      <label>
        Signature file
        <input type="file" onChange={(event) => void (event.target.files?.[0] ? base64Of(event.target.files[0]).then(setSignature) : undefined)} />
      </label>
      <label className="wide">
        Signature (base64)
        <textarea value={signature} onChange={(event) => setSignature(event.target.value)} rows={2} required spellCheck={false} />
      </label>
      <button type="submit" disabled={answer?.kind === 'pending'}>
        Signed update
      </button>
      <AnswerBadge answer={answer} />
    </form>
  );
}
