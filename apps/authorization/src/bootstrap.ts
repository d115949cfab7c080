import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import { Logger } from '@nestjs/common';
import type { Config } from '@voltstream/config';
import { subjectsFor } from '@voltstream/contracts';
import { consumerReadiness, startHealthServer, type HealthReport } from '@voltstream/health';
import { ParkedEvents } from '@voltstream/read-models';
import { connectNats, ensureStreams, EventPublisher } from '@voltstream/nats';
import { startLogging } from '@voltstream/logging';
import { AuthorizationMetrics } from './authorization-metrics';
import { AuthorizationModule, ServiceResources } from './authorization.module';
import { AuthorizationService } from './authorization.service';
import { AutoStarter } from './auto-starter';
import { configuredCa } from './certificate-authorities';
import { CertificateSigner } from './certificate-signer';
import { watchConnection } from './connection-state';
import { DrainingNatsServer } from './draining-nats-server';
import { LocalListSyncer } from './local-list-syncer';
import { ParkingDatabase } from './parking-database';
import { RegistryFollower } from './registry-follower';
import { TransactionStore } from './transaction-store';

export interface RunningAuthorization {
  /** Port of the health endpoint, when HEALTH_PORT is configured. */
  healthPort: number | undefined;
  /** Stops answering, finishes what is under way and drains the NATS connection. */
  close(): Promise<void>;
}

/** Readiness while the database of parked events is reached and its migrations have not run. */
const NOT_MIGRATED = 'the database of parked events is not migrated yet (waiting for the read models\' migrations)';

async function closeServer(server: Server | undefined): Promise<void> {
  if (!server) return;
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

/**
 * Starts the authorization service: it follows the registry until caught up, then answers the
 * gateway's `vs.rpc.*` requests in the authorization queue group and starts `auto` sessions.
 */
export async function startAuthorization(config: Config): Promise<RunningAuthorization> {
  startLogging({ service: 'authorization', level: config.logLevel, format: config.logFormat });
  const subjects = subjectsFor(config.namespace);
  const nc = await connectNats(config.natsUrl, 'authorization');
  const isConnected = watchConnection(nc);
  const registry = new RegistryFollower();
  let health: Server | undefined;
  let autoStarter: AutoStarter | undefined;
  let localLists: LocalListSyncer | undefined;
  let certificates: CertificateSigner | undefined;
  const parkingDatabase = new ParkingDatabase(config.databaseUrl, new Logger('AutoStart'));
  const resources = new ServiceResources([
    async () => autoStarter?.stop(),
    async () => localLists?.stop(),
    async () => certificates?.stop(),
    () => registry.stop(),
    () => closeServer(health),
    () => nc.drain(),
    () => parkingDatabase.close(),
  ]);
  const bounds = { maxPending: config.readyMaxPending, maxStallMs: config.readyMaxStall * 1000 };
  const readiness = async (): Promise<HealthReport> => {
    if (!isConnected() || !registry.isCaughtUp() || !autoStarter) return { ready: false, details: {} };
    // Its tables do not exist yet: asking for the parked count would only fail (README, "Health and readiness").
    if (parkingDatabase.state === 'migrating') return { ready: false, details: { reason: NOT_MIGRATED } };
    return consumerReadiness(await autoStarter.progress(), bounds);
  };
  const metrics = new AuthorizationMetrics();
  try {
    if (config.healthPort !== undefined) health = await startHealthServer(config.healthPort, readiness, metrics.registry);
    await ensureStreams(nc, subjects, config.natsReplicas);
    await registry.start(nc, subjects);
    const transactions = await TransactionStore.open(nc, subjects, config.natsReplicas);
    const parked = new ParkedEvents(parkingDatabase.dataSource);
    autoStarter = new AutoStarter(nc, subjects, registry, transactions, parked, config.ocppCallTimeout * 1000, new Logger('AutoStart'));
    await autoStarter.start();
    localLists = new LocalListSyncer(nc, subjects, registry, parked, config.ocppCallTimeout * 1000, new Logger('LocalList'));
    await localLists.start();
    const ca = await configuredCa(config, nc, subjects, new Logger('Certificates'));
    certificates = new CertificateSigner(nc, subjects, ca, parked, config.ocppCallTimeout * 1000, new Logger('Certificates'));
    await certificates.start();
    const service = new AuthorizationService(registry, transactions, new EventPublisher(nc, subjects), config, metrics);
    const app = await NestFactory.createMicroservice(AuthorizationModule.register(subjects, service, resources), {
      strategy: new DrainingNatsServer(nc, subjects.authorizationQueue),
    });
    app.enableShutdownHooks();
    await app.listen();
    // The server has our subscriptions once it answers a ping: from here no request finds no responders.
    await nc.flush();
    return { healthPort: health && (health.address() as AddressInfo).port, close: () => app.close() };
  } catch (error) {
    await resources.onApplicationShutdown();
    throw error;
  }
}
