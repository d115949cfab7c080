import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '@voltstream/contracts';
import { hashPassword } from '@voltstream/domain';
import { ADDRESS_BUDGET, IDENTITY_BUDGET } from '@voltstream/gateway';
import { GatewayProcess } from '@voltstream/testing';
import { GatewayTestbed, settings } from './support/gateway-under-test';
import { TestWallbox, type Handshake } from './support/wallbox';

const PASSWORD = 'correct horse';
const GUESSED = Array.from({ length: 30 }, (_, index) => `GUESSED-${index}`);

/** What each handshake was answered: 101 for a WebSocket, else the HTTP status. Opened sockets are closed. */
async function statuses(handshakes: Promise<Handshake>[]): Promise<number[]> {
  return Promise.all(
    handshakes.map(async (pending) => {
      const handshake = await pending;
      if (!handshake.ok) return handshake.status;
      await handshake.wallbox.close();
      return 101;
    }),
  );
}

const count = (all: number[], status: number) => all.filter((each) => each === status).length;

/** Password guessing against a gateway process of its own (`npm run build` first); every source address is one of 127.0.0.0/8. */
describe('a gateway process under password guessing', () => {
  const testbed = new GatewayTestbed();
  let pod: GatewayProcess;
  const connect = (identity: string, password: string, localAddress: string) => TestWallbox.connect(pod.url, identity, { password, localAddress });
  /** `attempts` wrong passwords for `identity`, each from an address of its own. */
  const guessesFromMany = (identity: string, attempts: number, subnet: number) =>
    statuses(Array.from({ length: attempts }, (_, index) => connect(identity, `guess ${index}`, `127.0.${subnet}.${index + 1}`)));

  beforeAll(async () => {
    await testbed.setUp();
    const passwordHash = hashPassword(PASSWORD);
    for (const identity of ['LOCKED-1', 'LOCKED-2', 'LOCKED-3', ...GUESSED]) await testbed.adopt(identity, { passwordHash });
    pod = await GatewayProcess.start(testbed.env());
  });
  afterAll(async () => {
    await pod?.stop();
    await testbed.tearDown();
  });

  it('answers wrong passwords beyond an identity’s budget 429 with Retry-After, before checking them, whatever the address', async () => {
    const answered = await guessesFromMany('LOCKED-1', IDENTITY_BUDGET.burst + 15, 1);
    expect([count(answered, 401), count(answered, 429)]).toEqual([IDENTITY_BUDGET.burst, 15]);
    const refused = await connect('LOCKED-1', 'one more guess', '127.0.2.1');
    expect(refused).toMatchObject({ ok: false, status: 429 });
    expect(Number(!refused.ok && refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('holds one address guessing the passwords of many identities to the address’s budget', async () => {
    const answered = await statuses(GUESSED.map((identity) => connect(identity, 'guess', '127.0.3.1')));
    expect([count(answered, 401), count(answered, 429)]).toEqual([ADDRESS_BUDGET.burst, GUESSED.length - ADDRESS_BUDGET.burst]);
    expect(await statuses([connect(GUESSED[0], PASSWORD, '127.0.3.2')])).toEqual([101]);
  });

  it('lets in a wallbox whose credentials were checked before, from any address, while its identity’s budget is spent', async () => {
    expect(await statuses([connect('LOCKED-2', PASSWORD, '127.0.4.1')])).toEqual([101]);
    await guessesFromMany('LOCKED-2', IDENTITY_BUDGET.burst + 5, 5);
    expect(await connect('LOCKED-2', 'another guess', '127.0.6.1')).toMatchObject({ ok: false, status: 429 });
    expect(await statuses([connect('LOCKED-2', PASSWORD, '127.0.6.2')])).toEqual([101]);
  });

  it('lets in a wallbox with a changed password from the address it last logged in from, while its identity’s budget is spent', async () => {
    const home = '127.0.7.1';
    expect(await statuses([connect('LOCKED-3', PASSWORD, home)])).toEqual([101]);
    await guessesFromMany('LOCKED-3', IDENTITY_BUDGET.burst + 5, 8);
    await testbed.publisher.publish(createEvent('ChargePointSettingsChanged', settings({ passwordHash: hashPassword('new horse') }), 'LOCKED-3', new Date()));
    await expect.poll(async () => (await statuses([connect('LOCKED-3', PASSWORD, home)]))[0]).toBe(401);

    expect(await statuses([connect('LOCKED-3', 'new horse', home)])).toEqual([101]);
    expect(await statuses([connect('LOCKED-3', 'new horse', '127.0.9.1')])).toEqual([101]);
  });
});
