import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { OcppConnection, type CsmsCall } from './connection';

/**
 * A central system that sends a CALL the moment it accepts a wallbox, corked with the handshake
 * answer: the wallbox reads `101 Switching Protocols` and the CALL in one TCP read, which is what
 * a busy wallbox process sees when the CSMS calls it right at ChargePointConnected.
 */
async function csmsCallingAtUpgrade(call: unknown[]): Promise<{ server: Server; url: string; answer: Promise<unknown[]> }> {
  const sockets = new WebSocketServer({ noServer: true, handleProtocols: () => 'ocpp1.6' });
  const server = createServer();
  const answer = new Promise<unknown[]>((resolve) => {
    server.on('upgrade', (request, socket, head) => {
      socket.cork();
      sockets.handleUpgrade(request, socket, head, (ws) => {
        ws.on('message', (data) => resolve(JSON.parse(data.toString()) as unknown[]));
        ws.send(JSON.stringify(call));
      });
      socket.uncork();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}/ocpp`, answer };
}

let connection: OcppConnection | undefined;
let server: Server | undefined;

afterEach(async () => {
  await connection?.close(1000);
  server?.closeAllConnections();
  server?.close();
});

describe('OcppConnection', () => {
  it('answers a CALL that arrives in the same read as the handshake answer', async () => {
    const csms = await csmsCallingAtUpgrade([2, 'early-1', 'GetConfiguration', { key: ['HeartbeatInterval'] }]);
    server = csms.server;
    const calls: CsmsCall[] = [];
    connection = new OcppConnection(
      { url: csms.url, identity: 'CP-EARLY', callTimeoutMs: 2000, autoReconnect: false, reconnectDelayMs: 1000 },
      {
        answer: (call) => (calls.push(call), { reply: { configurationKey: [] } }),
        closed: () => undefined,
        reconnected: async () => undefined,
        warning: (error) => {
          throw error;
        },
      },
    );

    await connection.open();

    expect(await csms.answer).toEqual([3, 'early-1', { configurationKey: [] }]);
    expect(calls).toEqual([{ action: 'GetConfiguration', payload: { key: ['HeartbeatInterval'] } }]);
  }, 5000);
});
