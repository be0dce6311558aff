/**
 * The names of a method's parameters types. Each overload's type is named from its own parameter names
 * only, never from its siblings (no position, no count of overloads), so a portal that adds or removes an
 * overload of a method never renames, nor changes, the type an app imports for another overload:
 *
 * - `<Method>Parameters`: the union of all the method's overloads (for one overload, that overload).
 * - `<Method>With<Names>`: one overload, `<Names>` its parameter names in the portal's order, each
 *   capitalised (`getGroupEntries(groupId, status, max)` → `GetGroupEntriesWithGroupIdStatusMax`);
 *   `<Method>WithoutParameters` for an overload that takes none.
 * - When the names add up to more than 64 characters, only the leading names that fit in 40 characters
 *   are kept (at least one), then `And<N>More` for the N left out and `_` with 4 characters of a hash
 *   of all the names: `AddFileEntryWithRepositoryIdFolderIdSourceFileNameAnd6More_1x9k`. The hash tells apart
 *   overloads that share their leading names and length, and depends on nothing else.
 *
 * Two overloads of one method can still want one name (their names differ only in characters an
 * identifier cannot hold, or in case): the module's NameScope then suffixes the later one in the model's
 * order, the only neighbour-dependent rule left, which no real portal reaches.
 */
import { createHash } from 'node:crypto';
import type { Parameter } from '../model/types.js';
import { toPascalCase, toTypeIdentifier } from './identifiers.js';

/** Longest run of parameter names written out whole. */
export const MAX_NAMES_LENGTH = 64;
/** How many characters of leading names a shortened name keeps. */
export const KEPT_NAMES_LENGTH = 40;

/** `GetGroupEntriesParameters`: the union of every overload of the method. */
export function unionTypeName(methodName: string): string {
  return toTypeIdentifier(`${methodName}Parameters`);
}

/** The wanted name of one overload's parameters type, from the method's name and its own parameters only. */
export function overloadTypeName(methodName: string, parameters: readonly Pick<Parameter, 'name'>[]): string {
  // Never reserved nor a global: the name goes on after it.
  const method = toPascalCase(methodName);
  if (parameters.length === 0) return `${method}WithoutParameters`;
  const words = parameters.map((parameter) => toPascalCase(parameter.name));
  const all = words.join('');
  if (all.length <= MAX_NAMES_LENGTH) return `${method}With${all}`;
  let kept = words[0] ?? '';
  let count = 1;
  while (count < words.length && kept.length + (words[count]?.length ?? 0) <= KEPT_NAMES_LENGTH)
    kept += words[count++] ?? '';
  return `${method}With${kept.slice(0, KEPT_NAMES_LENGTH)}And${words.length - count}More_${shortHash(parameters.map((parameter) => parameter.name))}`;
}

/** 4 characters (base 36) of a SHA-256 of the names, in order. */
function shortHash(names: readonly string[]): string {
  const digest = createHash('sha256').update(JSON.stringify(names)).digest();
  return (digest.readUInt32BE(0) % 36 ** 4).toString(36).padStart(4, '0');
}
