import { Field, Float } from '@nestjs/graphql';

/** The id of a row numbered by the sequence of its event. */
export const SequenceIdField = () =>
  Field(() => Float, { description: 'its place in the event log (an integer, beyond 32 bits in time): later ones have greater ids' });

/** The cursor of a paged list. */
export const NextCursorField = () => Field(() => String, { nullable: true, description: 'pass as cursor for the next page; null on the last page' });
