/**
 * One schema violation of a configuration file as one readable line: where (`contexts[0].styles[1]`), what
 * is wrong, what was found, and what is allowed. Credentials get a pointer to the environment instead.
 */
import type { ErrorObject } from 'ajv';
import { CliError } from '../cli-error.js';

const CREDENTIAL = /user|password|token|secret|credential/i;

export function configError(message: string): CliError {
  return new CliError('cli.config', message);
}

/** The error to report out of ajv's list: a `oneOf` says more than the failures of its branches. */
export function describeConfigError(errors: readonly ErrorObject[]): string {
  const error = errors.find((entry) => entry.keyword === 'oneOf') ?? errors[0];
  if (error === undefined) return 'is invalid';
  const where = jsonPath(error.instancePath);
  switch (error.keyword) {
    case 'additionalProperties':
      return unknownProperty(where, String(error.params['additionalProperty']), error.parentSchema);
    case 'enum':
      return `${where} must be one of ${(error.params['allowedValues'] as unknown[]).map(show).join(', ')} (got ${show(error.data)})`;
    case 'oneOf':
      return `${where} must be ${alternatives(error.schema).join(' or ')} (got ${show(error.data)})`;
    case 'required':
      return `${where} needs the property "${String(error.params['missingProperty'])}"`;
    case 'type':
      return `${where} must be ${withArticle(String(error.params['type']))} (got ${show(error.data)})`;
    case 'pattern':
      return `${where} must match ${String(error.params['pattern'])} (got ${show(error.data)})`;
    default:
      return `${where} ${error.message ?? 'is invalid'}`;
  }
}

function unknownProperty(where: string, name: string, parentSchema: unknown): string {
  const place = where === '(top level)' ? 'at the top level' : `in ${where}`;
  if (CREDENTIAL.test(name)) {
    return `unknown property "${name}" ${place}: credentials never go in this file; set LIFERAY_USER/LIFERAY_PASSWORD or LIFERAY_TOKEN in the environment`;
  }
  const allowed = Object.keys((parentSchema as { properties?: object } | undefined)?.properties ?? {});
  return `unknown property "${name}" ${place} (allowed: ${allowed.join(', ')})`;
}

/** `/contexts/0/styles/1` → `contexts[0].styles[1]`; the root is "(top level)". */
function jsonPath(pointer: string): string {
  if (pointer === '') return '(top level)';
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}

function alternatives(schema: unknown): string[] {
  const branches = Array.isArray(schema) ? (schema as { type?: string; pattern?: string }[]) : [];
  return branches.map((branch) =>
    branch.pattern === undefined
      ? withArticle(branch.type ?? 'value')
      : `${withArticle(branch.type ?? 'value')} matching ${branch.pattern}`,
  );
}

function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** A value found in the file, short, and without any `user:password@` it may carry. */
function show(value: unknown): string {
  const text = (JSON.stringify(value) ?? String(value)).replace(/\/\/[^/@"\s]*@/g, '//***@');
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
