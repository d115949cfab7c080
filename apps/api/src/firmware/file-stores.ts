import type { Provider } from '@nestjs/common';
import type { Config } from '@voltstream/config';
import type { Subjects } from '@voltstream/contracts';
import { FileStore } from '@voltstream/nats';
import type { NatsConnection } from 'nats';
import { API_CONFIG, NATS_CONNECTION, SUBJECTS } from '../infrastructure/tokens';

/** The object stores of Firmware Management: shared by every API replica through JetStream. */
export const FIRMWARE_IMAGES = Symbol('FIRMWARE_IMAGES');
export const DIAGNOSTICS_FILES = Symbol('DIAGNOSTICS_FILES');

export const FILE_STORES: Provider[] = [
  {
    provide: FIRMWARE_IMAGES,
    useFactory: (nc: NatsConnection, subjects: Subjects, config: Config) => FileStore.open(nc, subjects.firmwareImagesBucket, config.natsReplicas),
    inject: [NATS_CONNECTION, SUBJECTS, API_CONFIG],
  },
  {
    provide: DIAGNOSTICS_FILES,
    useFactory: (nc: NatsConnection, subjects: Subjects, config: Config) => FileStore.open(nc, subjects.diagnosticsFilesBucket, config.natsReplicas),
    inject: [NATS_CONNECTION, SUBJECTS, API_CONFIG],
  },
];
