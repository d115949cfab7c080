import type { Provider } from '@nestjs/common';
import type { Subjects } from '@voltstream/contracts';
import { FileStore } from '@voltstream/nats';
import type { NatsConnection } from 'nats';
import { NATS_CONNECTION, SUBJECTS } from '../infrastructure/tokens';

/** The object stores of Firmware Management: shared by every API replica through JetStream. */
export const FIRMWARE_IMAGES = Symbol('FIRMWARE_IMAGES');
export const DIAGNOSTICS_FILES = Symbol('DIAGNOSTICS_FILES');

export const FILE_STORES: Provider[] = [
  {
    provide: FIRMWARE_IMAGES,
    useFactory: (nc: NatsConnection, subjects: Subjects) => FileStore.open(nc, subjects.firmwareImagesBucket),
    inject: [NATS_CONNECTION, SUBJECTS],
  },
  {
    provide: DIAGNOSTICS_FILES,
    useFactory: (nc: NatsConnection, subjects: Subjects) => FileStore.open(nc, subjects.diagnosticsFilesBucket),
    inject: [NATS_CONNECTION, SUBJECTS],
  },
];
