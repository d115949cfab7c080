import { EVENT_CATEGORIES, type TagListEvent, type VoltstreamEvent } from './events';
import type { Subjects } from './subjects';

/** The central tag a tag list event is about. */
export function centralTagOf(event: TagListEvent): string {
  return event.type === 'TagSaved' ? event.data.tag.idTag : event.data.idTag;
}

/**
 * The subject an event is stored on. An operator's decisions go to one subject per aggregate (a
 * charge point's registration, an entry of the central tag list), so that an append can expect
 * that aggregate's last sequence; a wallbox's events to one subject per charge point and type.
 */
export function eventSubject(subjects: Subjects, event: VoltstreamEvent): string {
  if (event.type === 'TagSaved' || event.type === 'TagRemoved') return subjects.centralTag(centralTagOf(event));
  const identity = event.metadata.chargePoint;
  if (LOCAL_LIST_TYPES.has(event.type)) return subjects.localList(identity as string);
  if (CERTIFICATE_SIGNING_TYPES.has(event.type)) return subjects.certificateSigning(identity as string);
  if (EVENT_CATEGORIES[event.type] === 'registry') return subjects.registration(identity as string);
  return subjects.event('station', identity, event.type);
}

const LOCAL_LIST_TYPES: ReadonlySet<string> = new Set(['LocalListChanged', 'LocalListSent', 'LocalListVersionReported', 'LocalListMaxLengthRead']);
const CERTIFICATE_SIGNING_TYPES: ReadonlySet<string> = new Set([
  'CertificateSigningRequested',
  'ChargePointCertificateIssued',
  'CertificateSigningRefused',
  'ChargePointCertificateSent',
]);
