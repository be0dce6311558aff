/**
 * Plausible scalars chosen by the property's name: ids look like Liferay ids, dates fall in recent years,
 * a user's screen name and e-mail address agree with their first and last names. Every value depends only
 * on the seed, the owner (an entity such as "com.liferay.portal.kernel.model.User#20156", or a call) and the name.
 */
import type { PrimitiveName } from '../model/types.js';
import type { ValueSource } from './value-source.js';

const FIRST_NAMES = ['Ana', 'Bruno', 'Chloé', 'David', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas'] as const;
const LAST_NAMES = [
  'Almeida',
  'Becker',
  'Costa',
  'Dubois',
  'Evans',
  'Fischer',
  'García',
  'Hansen',
  'Ito',
  'Jensen',
] as const;
const ADJECTIVES = ['Quarterly', 'Annual', 'Team', 'Product', 'Customer', 'Regional', 'Weekly', 'Project'] as const;
const NOUNS = ['Report', 'Update', 'Meeting Notes', 'Roadmap', 'Guide', 'Announcement', 'Review', 'Plan'] as const;
const SENTENCES = [
  'Everything you need to know, in one place.',
  'A short summary written for the whole team.',
  'Draft prepared for review before publication.',
  'Notes collected during the last planning session.',
] as const;
const MIME_TYPES = ['text/plain', 'application/pdf', 'image/png', 'image/jpeg'] as const;
const EXTENSIONS: Readonly<Record<string, string>> = {
  'text/plain': 'txt',
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpg',
};

/** 2016-01-01T00:00:00Z: generated dates fall in the eight years after it. */
const EPOCH = Date.UTC(2016, 0, 1);

export function primitiveValue(kind: PrimitiveName, owner: string, name: string, source: ValueSource): unknown {
  switch (kind) {
    case 'boolean':
      return source.int(0, 1, owner, name) === 1;
    case 'char':
      return source.pick(['A', 'B', 'C', 'D'], owner, name);
    case 'float':
    case 'double':
      return source.int(0, 99_999, owner, name) / 100;
    case 'long':
      if (/(?:^i|I)ds?$/.test(name))
        return name === 'companyId' ? companyId(source) : source.int(10_001, 99_999, owner, name);
      if (/(?:Date|Time)$/.test(name) || name.startsWith('date')) return dateValue(owner, name, source);
      return numberValue(owner, name, source, 1000);
    default:
      return numberValue(owner, name, source, 100);
  }
}

/** A moment in the eight years after EPOCH, in milliseconds, to the second. */
export function dateValue(owner: string, name: string, source: ValueSource): number {
  return EPOCH + source.int(0, 8 * 365 * 86_400, owner, name) * 1000;
}

/** One company for the whole mock portal, as in a default installation. */
export function companyId(source: ValueSource): number {
  return source.int(20_001, 20_999, 'companyId');
}

function numberValue(owner: string, name: string, source: ValueSource, max: number): number {
  if (name === 'status') return 0; // WorkflowConstants.STATUS_APPROVED
  if (/count$/i.test(name)) return 3; // as many as a list answer has
  if (/size$/i.test(name)) return source.int(1024, 1_048_576, owner, name);
  return source.int(0, max, owner, name);
}

export function stringValue(owner: string, name: string, source: ValueSource): string {
  const first = source.pick(FIRST_NAMES, owner, 'firstName');
  const last = source.pick(LAST_NAMES, owner, 'lastName');
  const title = `${source.pick(ADJECTIVES, owner, 'title')} ${source.pick(NOUNS, owner, 'title', 1)}`;
  const mimeType = source.pick(MIME_TYPES, owner, 'mimeType');
  if (name === 'firstName') return first;
  if (name === 'lastName') return last;
  if (name === 'middleName') return '';
  if (/screenName$/i.test(name)) return ascii(`${first}.${last}`);
  if (/emailAddress$/i.test(name)) return `${ascii(`${first}.${last}`)}@liferay.com`;
  if (/uuid$/i.test(name)) return uuid(owner, name, source);
  if (/urlTitle$/i.test(name)) return slug(title);
  if (/friendlyURL$/i.test(name)) return `/${slug(title)}`;
  if (/url$/i.test(name)) return `https://www.example.com/${slug(title)}`;
  if (/mimeType$/i.test(name)) return mimeType;
  if (/fileName$/i.test(name)) return `${slug(title)}.${EXTENSIONS[mimeType] ?? 'txt'}`;
  if (/version$/i.test(name)) return '1.0';
  if (/languageId$/i.test(name)) return 'en_US';
  if (/timeZoneId$/i.test(name)) return 'UTC';
  if (/^(?:name|title)$|(?:Name|Title)$/.test(name)) return title;
  if (/description|content|summary|subtitle|comments?$/i.test(name)) return source.pick(SENTENCES, owner, name);
  return `${name}-${source.int(1, 999, owner, name)}`;
}

/** The bytes of a `byte[]` answer, signed as Java sends them. */
export function byteValues(owner: string, name: string, source: ValueSource): number[] {
  const length = source.int(4, 12, owner, name, 'length');
  return Array.from({ length }, (_, index) => source.int(0, 255, owner, name, index) - 128);
}

function uuid(owner: string, name: string, source: ValueSource): string {
  const hex = [0, 1, 2, 3].map((part) => source.hash(owner, name, part).toString(16).padStart(8, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function slug(text: string): string {
  return ascii(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
