import { Inject, Injectable } from '@nestjs/common';
import { queryPrepared } from '@voltstream/read-models';
import type { DataSource } from 'typeorm';
import { OperationFailedError } from '../infrastructure/operation-failed.error';
import { READ_MODELS } from '../infrastructure/tokens';
import type { ConsumptionGrouping, ConsumptionQuery } from './consumption.dto';
import type { ConsumptionBucketView } from './consumption.view';

const MAX_PERIOD_MS = 366 * 24 * 3600_000;

/** The bucket's key and label for each grouping; never user input, so they may be spliced into the SQL. */
const GROUPINGS: Record<ConsumptionGrouping, { key: string; label: string }> = {
  chargePoint: { key: 'charge_point_identity', label: 'charge_point_identity' },
  tag: {
    key: "COALESCE(id_tag, '')",
    label: "MAX(COALESCE(NULLIF(CONCAT_WS(' ', tag_owner->>'firstName', tag_owner->>'lastName'), ''), id_tag, ''))",
  },
};

const statementFor = ({ key, label }: { key: string; label: string }) => `
  SELECT TO_CHAR(started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, ${key} AS key, ${label} AS label,
         SUM(consumption)::integer AS "energyWh", COUNT(*)::integer AS transactions
    FROM transactions
   WHERE started_at >= $1 AND started_at < $2
   GROUP BY 1, 2
   ORDER BY 1, 2`;

/** Energy summed in Postgres per UTC day and charge point or tag: the dashboard's consumption charts. */
@Injectable()
export class ConsumptionService {
  constructor(@Inject(READ_MODELS) private readonly readModels: DataSource) {}

  buckets({ from, to, groupBy }: ConsumptionQuery): Promise<ConsumptionBucketView[]> {
    const [start, end] = [new Date(from), new Date(to)];
    const length = end.getTime() - start.getTime();
    if (!(length > 0 && length <= MAX_PERIOD_MS)) {
      throw new OperationFailedError({ kind: 'invalid', message: 'to must lie after from, and at most 366 days after it' });
    }
    return queryPrepared<ConsumptionBucketView>(this.readModels, { text: statementFor(GROUPINGS[groupBy]), values: [start, end] });
  }
}
