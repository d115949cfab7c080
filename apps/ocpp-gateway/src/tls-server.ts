import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:https';
import type { RequestListener } from 'node:http';
import { dirname } from 'node:path';
import { Logger } from '@nestjs/common';
import type { TlsFiles } from '@voltstream/config';
import { secureContextOptions, tlsServerOptions, type TlsMaterial } from '@voltstream/gateway';

/** Files are often replaced in steps (a Secret's `..data` link, cert then key): read them once they settled. */
const SETTLE_MS = 200;

async function readMaterial(files: TlsFiles): Promise<TlsMaterial> {
  const [certs, keys, clientCa] = await Promise.all([
    Promise.all(files.certFiles.map((file) => readFile(file))),
    Promise.all(files.keyFiles.map((file) => readFile(file))),
    files.clientCaFile ? readFile(files.clientCaFile) : Promise.resolve(undefined),
  ]);
  return { certs, keys, clientCa };
}

/**
 * The `wss://` server of the gateway. Its certificates, keys and client CA bundle are read again
 * when a file in their folders changes (a renewed certificate, a Secret updated by cert-manager):
 * new handshakes get the new context, connected wallboxes keep their TLS session.
 */
export class TlsServer {
  private readonly logger = new Logger(TlsServer.name);
  private readonly watchers: FSWatcher[] = [];
  private reloadTimer: NodeJS.Timeout | undefined;

  private constructor(
    readonly server: Server,
    private readonly files: TlsFiles,
  ) {}

  static async create(files: TlsFiles, handler: RequestListener): Promise<TlsServer> {
    const tls = new TlsServer(createServer(tlsServerOptions(await readMaterial(files)), handler), files);
    tls.watch();
    return tls;
  }

  /** Reads the files again and uses them for new handshakes; a broken set is logged and the old one kept. */
  async reload(): Promise<void> {
    try {
      this.server.setSecureContext(secureContextOptions(await readMaterial(this.files)));
      this.logger.log('TLS certificates reloaded');
    } catch (error) {
      this.logger.error(`TLS certificates not reloaded, the previous ones stay in use: ${String(error)}`);
    }
  }

  close(): void {
    clearTimeout(this.reloadTimer);
    for (const watcher of this.watchers.splice(0)) watcher.close();
  }

  private watch(): void {
    const { certFiles, keyFiles, clientCaFile } = this.files;
    const folders = new Set([...certFiles, ...keyFiles, ...(clientCaFile ? [clientCaFile] : [])].map((file) => dirname(file)));
    for (const folder of folders) {
      this.watchers.push(watch(folder, () => this.scheduleReload()).on('error', (error) => this.logger.warn(`watching ${folder}: ${error.message}`)));
    }
  }

  private scheduleReload(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reload(), SETTLE_MS);
  }
}
