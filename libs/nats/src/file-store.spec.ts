import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatsConnection } from 'nats';
import { subjectsFor } from '@voltstream/contracts';
import { uniqueNamespace } from '@voltstream/testing';
import { connectNats, FileStore } from './index';

describe('files in a real JetStream object store', () => {
  const bucket = subjectsFor(uniqueNamespace()).firmwareImagesBucket;
  let nc: NatsConnection;
  let other: NatsConnection;

  beforeAll(async () => {
    nc = await connectNats('nats://127.0.0.1:4222', 'file-store-spec');
    other = await connectNats('nats://127.0.0.1:4222', 'file-store-spec-replica');
  });
  afterAll(async () => {
    await (await nc.jetstreamManager()).streams.delete(`OBJ_${bucket}`);
    await nc.close();
    await other.close();
  });

  it('a file stored by one connection is read whole, with its size and SHA-256, by another (a second replica)', async () => {
    // Several chunks of the object store (128 KiB each), and a last one that is not full.
    const content = randomBytes(300_000);
    const stored = await (await FileStore.open(nc, bucket)).put('wall-2.0.bin', content, { version: '2.0' });
    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(stored).toMatchObject({ name: 'wall-2.0.bin', size: 300_000, sha256, metadata: { version: '2.0' } });

    const replica = await FileStore.open(other, bucket);
    const read = await replica.read('wall-2.0.bin');
    expect(read?.file).toEqual(stored);
    expect(Buffer.from(read?.content ?? []).equals(content)).toBe(true);
  });

  it('lists by prefix and by name, replaces a file stored again, and knows no file it does not hold', async () => {
    const store = await FileStore.open(nc, bucket);
    await store.put('CP-2/b.log', Buffer.from('b'));
    await store.put('CP-2/a.log', Buffer.from('a'));
    await store.put('CP-20/c.log', Buffer.from('c'));
    await store.put('CP-2/a.log', Buffer.from('a again'));
    expect((await store.list('CP-2/')).map(({ name, size }) => [name, size])).toEqual([
      ['CP-2/a.log', 7],
      ['CP-2/b.log', 1],
    ]);
    expect(await store.read('CP-2/missing.log')).toBeNull();
    expect(await store.info('CP-2/missing.log')).toBeNull();
    expect(await store.put('empty', new Uint8Array())).toMatchObject({ size: 0, sha256: createHash('sha256').digest('hex') });
    expect(Buffer.from((await store.read('empty'))?.content ?? [1]).length).toBe(0);
  });
});
