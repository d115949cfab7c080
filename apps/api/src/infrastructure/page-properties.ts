import { ApiProperty } from '@nestjs/swagger';

/** The id of a row numbered by the sequence of its event. */
export const SequenceIdProperty = () => ApiProperty({ description: 'its place in the event log: later ones have greater ids' });

/** The cursor of a paged list. */
export const NextCursorProperty = () =>
  ApiProperty({ type: String, nullable: true, description: 'pass as cursor for the next page; null on the last page' });
