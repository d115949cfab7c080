import { centralTagOf, type ChargePointSettings, type RegistryEvent, type TagEntry, type TagListEvent, type VoltstreamEvent } from '@voltstream/contracts';

/** What operators decided about one charge point; absent while it is only discovered. */
export interface Registration {
  identity: string;
  settings: ChargePointSettings;
  localTags: ReadonlyMap<string, TagEntry>;
}

export function evolveRegistration(current: Registration | undefined, event: RegistryEvent): Registration | undefined {
  const identity = event.metadata.chargePoint as string;
  switch (event.type) {
    case 'ChargePointAdopted':
      return { identity, settings: event.data, localTags: current?.localTags ?? new Map() };
    case 'ChargePointSettingsChanged':
      return current && { ...current, settings: event.data };
    case 'ChargePointForgotten':
      return undefined;
    case 'PasswordChanged':
      return current && { ...current, settings: { ...current.settings, passwordHash: event.data.passwordHash } };
    case 'PreviousPasswordRetired':
    case 'PasswordRotationStarted':
    case 'PasswordRotationAbandoned':
    case 'PendingPasswordUsed':
      return current;
    case 'LocalTagSaved':
      return current && { ...current, localTags: new Map(current.localTags).set(event.data.tag.idTag, event.data.tag) };
    case 'LocalTagRemoved': {
      if (!current) return current;
      const localTags = new Map(current.localTags);
      localTags.delete(event.data.idTag);
      return { ...current, localTags };
    }
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

export function evolveCentralTag(current: TagEntry | undefined, event: TagListEvent): TagEntry | undefined {
  switch (event.type) {
    case 'TagSaved':
      return event.data.tag;
    case 'TagRemoved':
      return undefined;
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}

/** A charge point's registration, folded from its events in log order; undefined while it is not adopted. */
export function foldRegistration(events: readonly VoltstreamEvent[]): Registration | undefined {
  return events.filter(isRegistryEvent).reduce<Registration | undefined>(evolveRegistration, undefined);
}

/** An entry of the central tag list, folded from tag list events in log order (those of other tags are passed over). */
export function foldCentralTag(idTag: string, events: readonly VoltstreamEvent[]): TagEntry | undefined {
  const own = events.filter(isTagListEvent).filter((event) => centralTagOf(event) === idTag);
  return own.reduce<TagEntry | undefined>(evolveCentralTag, undefined);
}

function isRegistryEvent(event: VoltstreamEvent): event is RegistryEvent {
  return REGISTRY_TYPES.has(event.type);
}
function isTagListEvent(event: VoltstreamEvent): event is TagListEvent {
  return event.type === 'TagSaved' || event.type === 'TagRemoved';
}
const REGISTRY_TYPES = new Set([
  'ChargePointAdopted',
  'ChargePointSettingsChanged',
  'ChargePointForgotten',
  'PasswordChanged',
  'PreviousPasswordRetired',
  'LocalTagSaved',
  'LocalTagRemoved',
]);

/**
 * The registry and the central tag list as one in-memory view, folded from the event log.
 * Keyed by aggregate so that replaying many events costs one small evolve each.
 */
export class RegistryView {
  private readonly registrations = new Map<string, Registration>();
  private readonly centralTags = new Map<string, TagEntry>();

  apply(event: VoltstreamEvent): void {
    if (isRegistryEvent(event)) {
      const identity = event.metadata.chargePoint as string;
      store(this.registrations, identity, evolveRegistration(this.registrations.get(identity), event));
    } else if (isTagListEvent(event)) {
      const idTag = centralTagOf(event);
      store(this.centralTags, idTag, evolveCentralTag(this.centralTags.get(idTag), event));
    }
  }

  registration(identity: string): Registration | undefined {
    return this.registrations.get(identity);
  }

  centralTag(idTag: string): TagEntry | undefined {
    return this.centralTags.get(idTag);
  }

  /** Every adopted charge point's registration. */
  allRegistrations(): IterableIterator<Registration> {
    return this.registrations.values();
  }

  /** Every entry of the central tag list. */
  allCentralTags(): IterableIterator<TagEntry> {
    return this.centralTags.values();
  }
}

function store<T>(map: Map<string, T>, key: string, value: T | undefined): void {
  if (value === undefined) map.delete(key);
  else map.set(key, value);
}
