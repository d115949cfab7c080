/** File names of diagnostics files and firmware images: what a wallbox or an operator may call a file. */
export const MAX_FILE_NAME_LENGTH = 255;

/**
 * Why a name cannot name a stored file, or null when it can: 1 … 255 characters of printable
 * text, no path separator, not `.` or `..` (so that it stays one path segment of every URL).
 */
export function fileNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > MAX_FILE_NAME_LENGTH) return `must be 1 to ${MAX_FILE_NAME_LENGTH} characters long`;
  if (name === '.' || name === '..') return 'must not be "." or ".."';
  if (/[/\\]/.test(name)) return 'must not hold "/" or "\\"';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]|\p{Cs}/u.test(name)) return 'must not hold control characters';
  return null;
}
