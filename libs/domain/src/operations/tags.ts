import {
  createEvent,
  type LocalTagRemoved,
  type LocalTagSaved,
  type TagEntry,
  type TagRemoved,
  type TagSaved,
} from '@voltstream/contracts';
import type { Registration } from '../registry';
import { chargePointRecord, type ChargePointRecord } from './charge-point-settings';
import { accept, reject, type OperationDecision } from './failure';

export interface SaveTag {
  tag: TagEntry;
  at: Date;
}

export interface RemoveTag {
  idTag: string;
  at: Date;
}

export interface SaveLocalTag extends SaveTag {
  identity: string;
}

export interface RemoveLocalTag extends RemoveTag {
  identity: string;
}

/** A charge point and the entry of its local list the command is about. */
export interface LocalTagRecord {
  chargePoint: ChargePointRecord;
  tag: TagEntry | null;
}

/** The record of one local tag, from the charge point's registration folded from the log; `seen`: the read models know it. */
export function localTagRecord(seen: boolean, registration: Registration | undefined, idTag: string): LocalTagRecord {
  return { chargePoint: chargePointRecord(seen, registration), tag: registration?.localTags.get(idTag) ?? null };
}

/** PUT of a central tag: replaces the entry; saving it unchanged appends nothing. */
export function decideTagSave(command: SaveTag, current: TagEntry | null): OperationDecision<TagSaved> {
  if (current && sameTag(current, command.tag)) return accept();
  return accept(createEvent('TagSaved', { tag: command.tag }, null, command.at));
}

export function decideTagRemove(command: RemoveTag, current: TagEntry | null): OperationDecision<TagRemoved> {
  if (!current) return reject('notFound', `tag ${command.idTag} not found`);
  return accept(createEvent('TagRemoved', { idTag: command.idTag }, null, command.at));
}

/** PUT of a local tag: only an adopted charge point keeps a local list. */
export function decideLocalTagSave(command: SaveLocalTag, current: LocalTagRecord): OperationDecision<LocalTagSaved> {
  const { chargePoint } = current;
  if (!chargePoint.known && !chargePoint.settings) return reject('notFound', `charge point ${command.identity} not found`);
  if (!chargePoint.settings) {
    return reject('conflict', `charge point ${command.identity} is not adopted: adopt it before giving it a local tag list`);
  }
  if (current.tag && sameTag(current.tag, command.tag)) return accept();
  return accept(createEvent('LocalTagSaved', { tag: command.tag }, command.identity, command.at));
}

export function decideLocalTagRemove(command: RemoveLocalTag, current: LocalTagRecord): OperationDecision<LocalTagRemoved> {
  if (!current.chargePoint.known && !current.chargePoint.settings) {
    return reject('notFound', `charge point ${command.identity} not found`);
  }
  if (!current.tag) return reject('notFound', `tag ${command.idTag} not found in the local list of ${command.identity}`);
  return accept(createEvent('LocalTagRemoved', { idTag: command.idTag }, command.identity, command.at));
}

function sameTag(a: TagEntry, b: TagEntry): boolean {
  return (Object.keys(b) as (keyof TagEntry)[]).every((field) => a[field] === b[field]);
}
