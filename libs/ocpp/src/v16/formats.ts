/**
 * The string formats and number rules of the OCPP 1.6 JSON schemas that class-validator has no
 * exact built-in for (its own counts and date parsing differ from JSON Schema's).
 */

/** JSON Schema `maxLength` counts code points, so a surrogate pair is one character. */
export function codePointLength(text: string): number {
  let surrogatePairs = 0;
  for (let i = 0; i < text.length - 1; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        surrogatePairs++;
        i++;
      }
    }
  }
  return text.length - surrogatePairs;
}

export function hasAtMostCodePoints(text: string, max: number): boolean {
  return text.length <= max || codePointLength(text) <= max;
}

/** The first `max` code points of `text`, never splitting a surrogate pair. */
export function truncateCodePoints(text: string, max: number): string {
  if (hasAtMostCodePoints(text, max)) return text;
  let end = 0;
  for (let kept = 0; kept < max; kept++) {
    const unit = text.charCodeAt(end);
    end += unit >= 0xd800 && unit <= 0xdbff && end + 1 < text.length ? 2 : 1;
  }
  return text.slice(0, end);
}

/**
 * RFC 3339 §5.6 date-time: full-date "T" full-time, with a time zone. Also accepted, as JSON Schema
 * validators and JavaScript's Date do: a lower-case "t"/"z", a space as separator (RFC 3339 §5.6,
 * note) and a numeric offset without its colon ("+0100", sent by many wallboxes).
 * Not accepted: an hours-only offset ("+01"), which is not RFC 3339 and which Date cannot read.
 */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(?:[Zz]|([+-])(\d{2}):?(\d{2}))$/;
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

export function isDateTime(text: string): boolean {
  const match = DATE_TIME.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number);
  const offsetSign = match[7] === '-' ? -1 : 1;
  const offsetHours = Number(match[8] ?? 0);
  const offsetMinutes = Number(match[9] ?? 0);
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month])) return false;
  if (offsetHours > 23 || offsetMinutes > 59 || hour > 23 || minute > 59 || second > 60) return false;
  return second < 60 || isLeapSecondMinute(hour, minute, offsetSign * (offsetHours * 60 + offsetMinutes));
}

/** RFC 3339 §5.7: a leap second (:60) only ever ends the last minute of a UTC day. */
function isLeapSecondMinute(hour: number, minute: number, offsetMinutes: number): boolean {
  const utcMinuteOfDay = (((hour * 60 + minute - offsetMinutes) % 1440) + 1440) % 1440;
  return utcMinuteOfDay === 1439;
}

/** A validated OCPP date-time as a Date; a leap second reads as the instant that follows it. */
export function toDate(dateTime: string): Date {
  const leapSecond = /:60(?=[.Zz+-])/.exec(dateTime);
  if (!leapSecond) return new Date(dateTime);
  const withoutLeap = `${dateTime.slice(0, leapSecond.index)}:59${dateTime.slice(leapSecond.index + 3)}`;
  return new Date(Math.floor(new Date(withoutLeap).getTime() / 1000) * 1000 + 1000);
}

/**
 * RFC 3986 §3 URI: scheme ":" hier-part ["?" query] ["#" fragment], made of unreserved,
 * reserved and percent-encoded characters only (GetDiagnostics and UpdateFirmware `location`).
 */
const UNRESERVED = "a-z0-9\\-._~";
const SUB_DELIMS = "!$&'()*+,;=";
const PCT_ENCODED = '%[0-9a-f]{2}';
const PCHAR = `(?:[${UNRESERVED}${SUB_DELIMS}:@]|${PCT_ENCODED})`;
const USERINFO = `(?:[${UNRESERVED}${SUB_DELIMS}:]|${PCT_ENCODED})*`;
const HOST = `(?:\\[[0-9a-f:.v]+\\]|(?:[${UNRESERVED}${SUB_DELIMS}]|${PCT_ENCODED})*)`;
const AUTHORITY = `(?:${USERINFO}@)?${HOST}(?::\\d*)?`;
const HIER_PART = `(?://${AUTHORITY}(?:/${PCHAR}*)*|/?(?:${PCHAR}+(?:/${PCHAR}*)*)?)`;
const QUERY_OR_FRAGMENT = `(?:${PCHAR}|[/?])*`;
const URI = new RegExp(`^[a-z][a-z0-9+\\-.]*:${HIER_PART}(?:\\?${QUERY_OR_FRAGMENT})?(?:#${QUERY_OR_FRAGMENT})?$`, 'i');

export function isUri(text: string): boolean {
  return URI.test(text);
}

/** JSON Schema `multipleOf` for decimals, with the tolerance binary floating point needs (7.4 / 0.1). */
export function isMultipleOf(value: number, step: number): boolean {
  const quotient = value / step;
  return Math.abs(quotient - Math.round(quotient)) < 1e-6;
}
