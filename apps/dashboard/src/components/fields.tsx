import type { ReactNode } from 'react';

/** Named values as a description list; each entry carries its name as data-field, for the browser tests. */
export function Fields({ fields, compact = false }: { fields: ReadonlyArray<readonly [string, ReactNode]>; compact?: boolean }) {
  return (
    <dl className={compact ? 'fields compact' : 'fields'}>
      {fields.map(([name, value]) => (
        <div key={name} data-field={name}>
          <dt>{name}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
