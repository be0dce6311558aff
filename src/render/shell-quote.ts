/**
 * Shell words for the command a package records (liferay-sdk.json, its README): one line that a POSIX shell
 * reads back as the same words, so that a value from the command line cannot break the line it is shown on.
 */

/** A word as a POSIX shell reads it back: bare when plain, else single-quoted; control characters as $'\ooo'. */
export function shellQuote(word: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  if (/[\u0000-\u001f\u007f]/.test(word)) {
    return `$'${[...word].map((char) => (/[\u0000-\u001f\u007f'\\]/.test(char) ? `\\${char.charCodeAt(0).toString(8).padStart(3, '0')}` : char)).join('')}'`;
  }
  return `'${word.replace(/'/g, `'\\''`)}'`;
}
