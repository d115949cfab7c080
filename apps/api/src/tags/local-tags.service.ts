import { Inject, Injectable } from '@nestjs/common';
import { decideLocalTagRemove, decideLocalTagSave, localTagRecord } from '@voltstream/domain';
import { LocalTagRow } from '@voltstream/read-models';
import type { DataSource, Repository } from 'typeorm';
import { ChargePointsService } from '../charge-points/charge-points.service';
import { ConnectorsService } from '../charge-points/connectors.service';
import { EventLog } from '../infrastructure/event-log.service';
import { notFound } from '../infrastructure/operation-failed.error';
import type { PutOutcome } from '../infrastructure/resource-routes';
import { READ_MODELS } from '../infrastructure/tokens';
import type { PutTagBody } from './tag.dto';
import { toTagEntry, toTagView, type TagView } from './tag.view';

/** A charge point's local tag list. */
@Injectable()
export class LocalTagsService {
  private readonly localTags: Repository<LocalTagRow>;

  constructor(
    @Inject(READ_MODELS) readModels: DataSource,
    private readonly chargePoints: ChargePointsService,
    private readonly connectors: ConnectorsService,
    private readonly eventLog: EventLog,
  ) {
    this.localTags = readModels.getRepository(LocalTagRow);
  }

  async list(identity: string): Promise<TagView[]> {
    await this.connectors.assertChargePoint(identity);
    const rows = await this.localTags.find({ where: { chargePointIdentity: identity }, order: { idTag: 'ASC' } });
    return rows.map(toTagView);
  }

  async get(identity: string, idTag: string): Promise<TagView> {
    await this.connectors.assertChargePoint(identity);
    const tag = await this.current(identity, idTag);
    if (!tag) throw notFound(`tag ${idTag} not found in the local list of ${identity}`);
    return tag;
  }

  async put(identity: string, idTag: string, body: PutTagBody): Promise<PutOutcome<TagView>> {
    const command = { identity, tag: toTagEntry(idTag, body), at: new Date() };
    const known = await this.chargePoints.isKnown(identity);
    const before = await this.eventLog.changeRegistration(identity, (registration) =>
      decideLocalTagSave(command, localTagRecord(known, registration, idTag)),
    );
    // The entry as written: a DELETE right after it may already be in the read models.
    return { resource: command.tag, created: !before?.localTags.has(idTag) };
  }

  async remove(identity: string, idTag: string): Promise<void> {
    const command = { identity, idTag, at: new Date() };
    const known = await this.chargePoints.isKnown(identity);
    await this.eventLog.changeRegistration(identity, (registration) =>
      decideLocalTagRemove(command, localTagRecord(known, registration, idTag)),
    );
  }

  private async current(identity: string, idTag: string): Promise<TagView | null> {
    const row = await this.localTags.findOneBy({ chargePointIdentity: identity, idTag });
    return row && toTagView(row);
  }
}
