import WebSocket from 'ws';

/** The HTTP status a handshake to `url` (…/ocpp/IDENTITY) with these Basic credentials gets: 101 when it opens, 0 when it fails before HTTP. */
export function handshakeStatus(url: string, identity: string, password: string | Buffer, ca?: string): Promise<number> {
  return new Promise((resolve) => {
    const authorization = `Basic ${Buffer.concat([Buffer.from(`${identity}:`), Buffer.from(password)]).toString('base64')}`;
    const socket = new WebSocket(url, ['ocpp1.6'], { headers: { Authorization: authorization }, ca });
    socket.once('open', () => {
      resolve(101);
      socket.close();
    });
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      socket.terminate();
    });
    socket.once('error', () => resolve(0));
  });
}
