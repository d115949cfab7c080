import { Module } from '@nestjs/common';
import { CommandsModule } from '../commands/commands.module';
import { CsmsLinks } from './csms-links.service';
import { DiagnosticsFiles } from './diagnostics-files.service';
import { DiagnosticsUploadsController } from './diagnostics-uploads.controller';
import { FILE_STORES } from './file-stores';
import { FirmwareCommands } from './firmware-commands.service';
import { FirmwareImagesController } from './firmware-images.controller';
import { FirmwareImages } from './firmware-images.service';
import { FirmwareController } from './firmware.controller';

/** Firmware Management (SPEC §9): UpdateFirmware, GetDiagnostics, firmware images and diagnostics files. */
@Module({
  imports: [CommandsModule],
  controllers: [FirmwareController, FirmwareImagesController, DiagnosticsUploadsController],
  providers: [...FILE_STORES, CsmsLinks, FirmwareCommands, FirmwareImages, DiagnosticsFiles],
  exports: [CsmsLinks, FirmwareCommands, FirmwareImages, DiagnosticsFiles],
})
export class FirmwareModule {}
