import { useState } from 'react';

export interface FirmwareImage {
  name: string;
  version: string;
}

/** The uploaded image chosen, the first one until the operator picks another. */
export function useChosenImage(images: FirmwareImage[]): [string, (name: string) => void] {
  const [chosen, setChosen] = useState('');
  return [chosen || images[0]?.name || '', setChosen];
}

/** A choice among the firmware images uploaded to the CSMS. */
export function ImageSelect({ label, images, value, onChange }: { label: string; images: FirmwareImage[]; value: string; onChange: (name: string) => void }) {
  return (
    <label>
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {images.map(({ name, version }) => (
          <option key={name} value={name}>
            {name} ({version})
          </option>
        ))}
      </select>
    </label>
  );
}
