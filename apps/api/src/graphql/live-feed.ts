import type { VoltstreamEvent } from '@voltstream/contracts';
import type { StoredEvent } from '@voltstream/nats';
import type { ChangeStream } from './change-stream';

export interface Watch<T> {
  /** undefined: every charge point */
  identity: string | undefined;
  stream: ChangeStream<T>;
}

export function watching<T>(watches: Set<Watch<T>>, identity: string): Watch<T>[] {
  return [...watches].filter((watch) => watch.identity === undefined || watch.identity === identity);
}

/** What one kind of live change is made of: the events that may change it, and how it is read once they are projected. */
export interface LiveSource<T> {
  concerns(event: VoltstreamEvent): boolean;
  /** The values these events (projected, each about a charge point) changed, as the read models hold them now, each with its charge point. */
  read(events: StoredEvent[]): Promise<[identity: string, value: T][]>;
}

/** A live change that is a charge point's whole state of one kind (its profiles, its local list): read once per charge point of a batch. */
export function stateOfEach<T>(concerns: (event: VoltstreamEvent) => boolean, stateOf: (identity: string) => Promise<T>): LiveSource<T> {
  return {
    concerns,
    read: (events) => {
      const identities = new Set(events.map(({ event }) => event.metadata.chargePoint as string));
      return Promise.all([...identities].map(async (identity) => [identity, await stateOf(identity)] as [string, T]));
    },
  };
}

/** The watches of one kind of live change beside the charge point's own (reservations, charging profiles, DataTransfers). */
export class LiveFeed<T> {
  readonly watches = new Set<Watch<T>>();

  constructor(private readonly source: LiveSource<T>) {}

  /** Someone watches this charge point's changes of this kind, and the event may make one. */
  wants(identity: string, event: VoltstreamEvent): boolean {
    return this.source.concerns(event) && watching(this.watches, identity).length > 0;
  }

  async end(): Promise<void> {
    for (const watch of [...this.watches]) await watch.stream.return();
  }

  /** Hands out what the wanted events of a projected batch changed. */
  async publish(batch: StoredEvent[]): Promise<void> {
    const wanted = batch.filter(({ event }) => this.wants(event.metadata.chargePoint as string, event));
    if (wanted.length === 0) return;
    for (const [identity, value] of await this.source.read(wanted)) {
      for (const watch of watching(this.watches, identity)) watch.stream.push(value);
    }
  }
}

/** What is done with every feed alike, whatever its values. */
export type AnyLiveFeed = Pick<LiveFeed<unknown>, 'wants' | 'end' | 'publish'> & { readonly watches: ReadonlySet<unknown> };
