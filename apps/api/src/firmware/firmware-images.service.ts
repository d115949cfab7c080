import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import type { FileStore, StoredFile } from '@voltstream/nats';
import { notFound } from '../infrastructure/operation-failed.error';
import { CsmsLinks } from './csms-links.service';
import { FIRMWARE_IMAGES } from './file-stores';
import type { FirmwareImageQuery } from './firmware.dto';
import type { FirmwareImageView } from './firmware.view';

/** Firmware images operators upload, kept in the object store and served to wallboxes by every replica. */
@Injectable()
export class FirmwareImages {
  constructor(
    @Inject(FIRMWARE_IMAGES) private readonly images: FileStore,
    private readonly links: CsmsLinks,
  ) {}

  /** Stores (or replaces) the image under its name. */
  async upload({ name, version }: FirmwareImageQuery, content: Buffer, requestHost: string | undefined): Promise<FirmwareImageView> {
    if (content.length === 0) throw new BadRequestException(['body must hold the firmware image, not be empty']);
    return this.view(await this.images.put(name, content, { version }), requestHost);
  }

  async list(requestHost: string | undefined): Promise<FirmwareImageView[]> {
    return (await this.images.list()).map((image) => this.view(image, requestHost));
  }

  /** For a wallbox following a download URL: the path's capability must match the name. */
  async download(token: string, name: string): Promise<{ file: StoredFile; content: Uint8Array }> {
    const image = this.links.admitsDownload(name, token) ? await this.images.read(name) : null;
    if (image === null) throw notFound('no such firmware image');
    return image;
  }

  private view(image: StoredFile, requestHost: string | undefined): FirmwareImageView {
    const { name, size, sha256, storedAt } = image;
    return { name, version: image.metadata.version ?? '', size, sha256, uploadedAt: storedAt, downloadUrl: this.links.firmwareDownload(requestHost, name) };
  }
}
