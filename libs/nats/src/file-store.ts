import { StorageType, type NatsConnection, type ObjectInfo, type ObjectStore } from 'nats';

/** A file kept in a JetStream object store: every process connected to NATS reads the same one. */
export interface StoredFile {
  name: string;
  size: number;
  /** SHA-256 of the content, lowercase hex. */
  sha256: string;
  /** When the object store took it, ISO 8601. */
  storedAt: string;
  metadata: Record<string, string>;
}

const DIGEST_PREFIX = 'SHA-256=';

function storedFile(info: ObjectInfo): StoredFile {
  const digest = info.digest.startsWith(DIGEST_PREFIX) ? info.digest.slice(DIGEST_PREFIX.length) : '';
  return {
    name: info.name,
    size: info.size,
    sha256: Buffer.from(digest, 'base64url').toString('hex'),
    storedAt: new Date(info.mtime).toISOString(),
    metadata: { ...info.metadata },
  };
}

/**
 * Files in a JetStream object store bucket (stream `OBJ_<bucket>`, file storage) rather than on a
 * local disk, so that every replica of a service serves what any replica stored.
 */
export class FileStore {
  private constructor(private readonly store: ObjectStore) {}

  /** Opens the bucket, creating it when missing (on `replicas` servers, NATS_REPLICAS); safe on every start of every replica. */
  static async open(nc: NatsConnection, bucket: string, replicas = 1): Promise<FileStore> {
    return new FileStore(await nc.jetstream().views.os(bucket, { storage: StorageType.File, replicas }));
  }

  /** Stores (or replaces) the file under `name`; resolves once JetStream holds all of it. */
  async put(name: string, content: Uint8Array, metadata: Record<string, string> = {}): Promise<StoredFile> {
    return storedFile(await this.store.putBlob({ name, metadata }, content));
  }

  async info(name: string): Promise<StoredFile | null> {
    const info = await this.store.info(name);
    return info === null || info.deleted ? null : storedFile(info);
  }

  /** The file and its content, checked against its digest by the client; null when there is none. */
  async read(name: string): Promise<{ file: StoredFile; content: Uint8Array } | null> {
    const info = await this.store.info(name);
    if (info === null || info.deleted) return null;
    const content = await this.store.getBlob(name);
    return content === null ? null : { file: storedFile(info), content };
  }

  /** The files whose names start with `prefix`, by name. */
  async list(prefix = ''): Promise<StoredFile[]> {
    const infos = await this.store.list();
    return infos
      .filter((info) => !info.deleted && info.name.startsWith(prefix))
      .map(storedFile)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
