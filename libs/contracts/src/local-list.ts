import { IDENTITY_MAX } from './charging-data';
import { parseJson } from './contract';
import { boolean, object, oneOf, string, type Infer } from './schema';

/**
 * An operator's local list request to the authorization service (`Subjects.localListRequests`,
 * queue group: one replica handles it). Answered with a WallboxCommandReply: the wallbox's answer
 * to the last call (`sync`: `{ status, version, updateType, chunks }`; `version`: `{ listVersion }`)
 * or why there was none.
 * - `sync`: sends the list the charge point should hold, differential unless `full`; `empty` sends
 *   an empty full list (clears it) whatever the start mode.
 * - `version`: GetLocalListVersion, recorded.
 */
const localListRequest = object(
  { identity: string({ min: 1, max: IDENTITY_MAX }), action: oneOf(['sync', 'version']) },
  { full: boolean(), empty: boolean() },
);
export type LocalListRequest = Infer<typeof localListRequest>;

export function parseLocalListRequest(data: Uint8Array): LocalListRequest {
  return parseJson('local list request', localListRequest, data);
}
