/** How the dashboard writes numbers and times: the operator's locale, units always shown. */

const kwh = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export const formatKwh = (kilowattHours: number | null) => (kilowattHours === null ? '—' : `${kwh.format(kilowattHours)} kWh`);
export const formatWh = (wattHours: number | null) => (wattHours === null ? '—' : formatKwh(wattHours / 1000));
export const formatTime = (iso: string | null) => (iso ? dateTime.format(new Date(iso)) : '—');
export const orDash = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '—' : String(value));
/** A status a wallbox reported, with when the CSMS recorded it. */
export const statusAt = (status: string | null | undefined, at: string | null | undefined) => `${orDash(status)}${at ? ` (${formatTime(at)})` : ''}`;
export const ownerName = (owner: { firstName: string; lastName: string } | null) => (owner ? `${owner.firstName} ${owner.lastName}`.trim() : '');
