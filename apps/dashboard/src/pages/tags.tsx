import { useId, useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { SaveTagDocument, TagsDocument } from '../api/generated';
import type { Tag } from '../api/types';
import { formatTime, orDash } from '../format';

const EMPTY: Tag = { idTag: '', firstName: '', lastName: '', email: '', info: '', expiresAt: null, blocked: false, parentIdTag: null };

const matches = (tag: Tag, search: string) =>
  [tag.idTag, tag.firstName, tag.lastName, tag.email, tag.info].some((field) => field.toLowerCase().includes(search));

export function TagsPage() {
  const [{ data, error }] = useQuery<{ tags: Tag[] }>({ query: TagsDocument });
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<{ tag: Tag; isNew: boolean } | null>(null);
  const shown = useMemo(() => (data?.tags ?? []).filter((tag) => matches(tag, search.trim().toLowerCase())), [data, search]);

  return (
    <>
      <div className="title-row">
        <h1>Tags</h1>
        <button type="button" onClick={() => setEditing({ tag: EMPTY, isNew: true })}>
          New tag
        </button>
      </div>
      {editing && <TagForm key={editing.tag.idTag || 'new'} {...editing} onDone={() => setEditing(null)} />}
      <div className="filters" role="search">
        <label>
          Search
          <input type="search" value={search} onChange={(event) => setSearch(event.target.value)} placeholder="id tag, name, e-mail" />
        </label>
      </div>
      {error && <p role="alert">{error.graphQLErrors[0]?.message ?? 'The API could not be reached.'}</p>}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">The central tag list</caption>
          <thead>
            <tr>
              <th scope="col">Id tag</th>
              <th scope="col">Owner</th>
              <th scope="col">E-mail</th>
              <th scope="col">Blocked</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Edit</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((tag) => (
              <tr key={tag.idTag} data-id-tag={tag.idTag}>
                <th scope="row">{tag.idTag}</th>
                <td>{orDash(`${tag.firstName} ${tag.lastName}`.trim())}</td>
                <td>{orDash(tag.email)}</td>
                <td>{tag.blocked ? <span className="pill pill-bad">blocked</span> : 'no'}</td>
                <td>{tag.expiresAt ? formatTime(tag.expiresAt) : 'never'}</td>
                <td>
                  <button type="button" className="link" onClick={() => setEditing({ tag, isNew: false })}>
                    Edit <span className="visually-hidden">{tag.idTag}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data && shown.length === 0 && <p>No tag matches.</p>}
    </>
  );
}

/** datetime-local shows and takes local time without a zone; the API stores an instant. */
const toLocalInput = (iso: string | null) => (iso ? new Date(Date.parse(iso) - new Date(iso).getTimezoneOffset() * 60_000).toISOString().slice(0, 16) : '');

function TagForm({ tag, isNew, onDone }: { tag: Tag; isNew: boolean; onDone: () => void }) {
  const [draft, setDraft] = useState({ ...tag, expiresAt: toLocalInput(tag.expiresAt) });
  const [{ fetching, error }, save] = useMutation(SaveTagDocument);
  const titleId = useId();
  const set = (field: keyof typeof draft) => (event: { target: HTMLInputElement }) =>
    setDraft({ ...draft, [field]: event.target.type === 'checkbox' ? event.target.checked : event.target.value });

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const { idTag, firstName, lastName, email, info, blocked, expiresAt, parentIdTag } = draft;
    const input = { firstName, lastName, email, info, blocked, expiresAt: expiresAt ? new Date(expiresAt).toISOString() : null, parentIdTag: parentIdTag || null };
    const result = await save({ idTag: idTag.trim(), input });
    if (!result.error) onDone();
  }

  return (
    <form className="panel" aria-labelledby={titleId} onSubmit={(event) => void submit(event)}>
      <h2 id={titleId}>{isNew ? 'New tag' : `Edit ${tag.idTag}`}</h2>
      <div className="form-grid">
        <label>
          Id tag
          <input value={draft.idTag} onChange={set('idTag')} readOnly={!isNew} required maxLength={20} />
        </label>
        <label>
          First name
          <input value={draft.firstName} onChange={set('firstName')} maxLength={100} />
        </label>
        <label>
          Last name
          <input value={draft.lastName} onChange={set('lastName')} maxLength={100} />
        </label>
        <label>
          E-mail
          <input type="email" value={draft.email} onChange={set('email')} maxLength={254} />
        </label>
        <label>
          Info
          <input value={draft.info} onChange={set('info')} maxLength={500} />
        </label>
        <label>
          Expires
          <input type="datetime-local" value={draft.expiresAt} onChange={set('expiresAt')} />
        </label>
        <label>
          Parent id tag
          <input value={draft.parentIdTag ?? ''} onChange={set('parentIdTag')} maxLength={20} />
        </label>
        <label className="choice">
          <input type="checkbox" checked={draft.blocked} onChange={set('blocked')} />
          Blocked
        </label>
      </div>
      {error && (
        <p role="alert" className="problem">
          {error.graphQLErrors[0]?.message ?? 'The API could not be reached.'}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={fetching}>
          Save
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
