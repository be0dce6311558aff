/**
 * Liferay's descriptions are HTML (from Javadoc). JSDoc wants plain text with Markdown: paragraphs and
 * breaks become lines, `<code>` becomes backticks, list items become "- " lines, entities are decoded.
 */
// A Map, not an object: `&constructor;` must not find Object.prototype.constructor.
const ENTITIES: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', ' '],
]);

/**
 * A tag's attributes stop at the next `<` as well as at `>`: with `[^>]*`, every `<` of a text without `>`
 * would scan to its end, and a hostile description of many `<` would take quadratic time.
 */
export function htmlToText(html: string): string[] {
  const text = html
    .replace(/<\s*(code|tt)\s*>/gi, '`')
    .replace(/<\s*\/\s*(code|tt)\s*>/gi, '`')
    .replace(/<\s*li[^<>]*>/gi, '\n- ')
    .replace(/<\s*(br|p|\/p|ul|\/ul|ol|\/ol|div|\/div|pre|\/pre)\b[^<>]*>/gi, '\n')
    .replace(/<[^<>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, decodeEntity);
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter((line, index, lines) => line.length > 0 || (index > 0 && (lines[index - 1] ?? '').length > 0))
    .join('\n')
    .trim()
    .split('\n');
}

function decodeEntity(match: string, entity: string): string {
  if (entity.startsWith('#')) {
    const code =
      entity[1] === 'x' || entity[1] === 'X'
        ? Number.parseInt(entity.slice(2), 16)
        : Number.parseInt(entity.slice(1), 10);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
  }
  return ENTITIES.get(entity.toLowerCase()) ?? match;
}
