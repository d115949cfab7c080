import { ApiProperty } from '@nestjs/swagger';
import type { TagEntry, TagOwner } from '@voltstream/contracts';
import type { LocalTagRow, TagRow } from '@voltstream/read-models';
import type { PutTagBody } from './tag.dto';

/** Whose a tag is: part of its entry, and carried on by the transactions it authorized. */
export class TagOwnerView implements TagOwner {
  @ApiProperty()
  firstName: string;

  @ApiProperty()
  lastName: string;

  @ApiProperty()
  email: string;
}

/** A tag entry of the central list or of a charge point's local list (SPEC §2). */
export class TagView extends TagOwnerView implements TagEntry {
  @ApiProperty({ minLength: 1, maxLength: 20 })
  idTag: string;

  @ApiProperty()
  info: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt: string | null;

  @ApiProperty()
  blocked: boolean;

  @ApiProperty({ type: String, nullable: true })
  parentIdTag: string | null;
}

export function toTagView(row: TagRow | LocalTagRow): TagView {
  return {
    idTag: row.idTag,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    info: row.info,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    blocked: row.blocked,
    parentIdTag: row.parentIdTag,
  };
}

export function toTagEntry(idTag: string, body: PutTagBody): TagEntry {
  return {
    idTag,
    firstName: body.firstName ?? '',
    lastName: body.lastName ?? '',
    email: body.email ?? '',
    info: body.info ?? '',
    expiresAt: body.expiresAt ? new Date(body.expiresAt).toISOString() : null,
    blocked: body.blocked ?? false,
    parentIdTag: body.parentIdTag ?? null,
  };
}
