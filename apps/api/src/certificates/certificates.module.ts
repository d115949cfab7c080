import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { CertificatesController } from './certificates.controller';

@Module({ imports: [CommandsModule], controllers: [CertificatesController] })
export class CertificatesModule {}
