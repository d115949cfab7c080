import { createServer, type AddressInfo, type Server } from 'node:net';

function listen(port: number): Promise<Server> {
  const server = createServer();
  return new Promise<Server>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

function close(server: Server): Promise<number> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve) => server.close(() => resolve(port)));
}

/** Distinct ports nothing listens on right now: all are held open together while the system chooses. */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(Array.from({ length: count }, () => listen(0)));
  return Promise.all(servers.map(close));
}

export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port;
}

export async function isPortFree(port: number): Promise<boolean> {
  return listen(port).then(
    async (server) => (await close(server)) === port,
    () => false,
  );
}

/** The first of the preferred ports that is free, else one the system chooses. */
export async function firstFreePort(preferred: readonly number[]): Promise<number> {
  for (const port of preferred) {
    if (await isPortFree(port)) return port;
  }
  return freePort();
}
