import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode, StringCodec, type NatsConnection } from 'nats';
import { uniqueNamespace } from '@voltstream/testing';
import { connectNats, Replies } from './index';

const NATS_URL = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const text = StringCodec();

describe('Replies on a real NATS server', () => {
  const subject = `${uniqueNamespace()}.replies`;
  let nc: NatsConnection;
  let replies: Replies;

  beforeAll(async () => {
    nc = await connectNats(NATS_URL, 'replies-spec');
    replies = new Replies(nc);
    nc.subscribe(`${subject}.echo`, { callback: (_, message) => message.respond(text.encode(`re: ${text.decode(message.data)}`)) });
    nc.subscribe(`${subject}.silent`, { callback: () => undefined });
    await nc.flush();
  });
  afterAll(() => nc.close());

  it('hands every request its own reply', async () => {
    const asked = Array.from({ length: 200 }, (_, index) => replies.ask(`${subject}.echo`, text.encode(String(index)), 2000));
    const answers = (await Promise.all(asked)).map((message) => text.decode(message.data));
    expect(answers).toEqual(Array.from({ length: 200 }, (_, index) => `re: ${index}`));
  });

  it('fails at once with NoResponders when nobody serves the subject', async () => {
    const started = Date.now();
    await expect(replies.ask(`${subject}.nobody`, text.encode('x'), 5000)).rejects.toMatchObject({ code: ErrorCode.NoResponders });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('fails with Timeout when the responder stays silent', async () => {
    const started = Date.now();
    await expect(replies.ask(`${subject}.silent`, text.encode('x'), 300)).rejects.toMatchObject({ code: ErrorCode.Timeout });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });

  it('fails what is pending when its connection closes', async () => {
    const own = await connectNats(NATS_URL, 'replies-spec-closing');
    const pending = new Replies(own).ask(`${subject}.silent`, text.encode('x'), 10_000);
    await own.flush();
    await own.close();
    await expect(pending).rejects.toMatchObject({ code: ErrorCode.ConnectionClosed });
  });
});
