/**
 * What changed between two versions of a package's API, each change classified as an app would feel it
 * (semver.ts): removing anything, a new required parameter, a narrower parameter type, a wider or other
 * result, a renamed type or a changed model break the app (major); new services, methods, overloads,
 * models and properties, wider parameter types and narrower results add to it (minor); descriptions and
 * deprecation notes change no type (patch). Types are compared with the checker's assignability, both ways
 * (api-surface.ts loads both versions into one program), never by their text.
 */
import type {
  ComparedApis,
  MethodApi,
  ModelApi,
  OverloadApi,
  ServiceApi,
  TypedMember,
  TypedText,
} from './api-surface.js';
import { byClass, type ChangeClass } from './semver.js';

export type ChangeKind =
  | 'service-added'
  | 'service-removed'
  | 'module-renamed'
  | 'method-added'
  | 'method-removed'
  | 'overload-added'
  | 'overload-removed'
  | 'parameters-changed'
  | 'parameter-type-changed'
  | 'parameter-optionality-changed'
  | 'result-type-changed'
  | 'type-renamed'
  | 'type-removed'
  | 'model-added'
  | 'model-removed'
  | 'model-changed'
  | 'model-property-added'
  | 'model-property-removed'
  | 'model-property-changed'
  | 'description-changed'
  | 'runtime-changed'
  | 'unreadable';

export interface ApiChange {
  readonly semver: ChangeClass;
  readonly kind: ChangeKind;
  /** What changed: `DLAppService`, `DLAppService.getFolder(folderId)`, `models: Folder.name`. */
  readonly subject: string;
  /** One line for people: what changed and how. */
  readonly message: string;
}

/** How the checker relates an old type to a new one. */
type Relation = 'same' | 'wider' | 'narrower' | 'other';

/** Where changes go, and how two types relate. */
interface Differ {
  readonly add: (semver: ChangeClass, kind: ChangeKind, subject: string, message: string) => void;
  readonly relate: (before: TypedText, after: TypedText) => Relation;
}

/** Every change from `before` to `after`, most breaking first, then by subject. */
export function compareApis({ before, after, isAssignable }: ComparedApis): ApiChange[] {
  const changes: ApiChange[] = [];
  const diff: Differ = {
    add: (semver, kind, subject, message) => changes.push({ semver, kind, subject, message }),
    relate: (old, next) => {
      const forward = isAssignable(old.type, next.type);
      const backward = isAssignable(next.type, old.type);
      return forward && backward ? 'same' : forward ? 'wider' : backward ? 'narrower' : 'other';
    },
  };
  const { add } = diff;
  for (const path of after.unreadable)
    add('major', 'unreadable', path, `${path} has a shape this generator does not read`);
  for (const path of before.unreadable)
    add(
      'major',
      'unreadable',
      path,
      `the committed ${path} has a shape this generator does not read (made by another version?): counted as breaking`,
    );
  for (const [name, service] of after.services) {
    const old = before.services.get(name);
    if (old === undefined) add('minor', 'service-added', name, `service ${name} added`);
    else compareService(old, service, diff);
  }
  for (const name of before.services.keys())
    if (!after.services.has(name)) add('major', 'service-removed', name, `service ${name} removed`);
  compareModels(before.models, after.models, diff);
  return sortChanges(changes);
}

export function sortChanges(changes: readonly ApiChange[]): ApiChange[] {
  return [...changes].sort(
    (a, b) => byClass(a.semver, b.semver) || compare(a.subject, b.subject) || compare(a.message, b.message),
  );
}

function compareService(before: ServiceApi, after: ServiceApi, diff: Differ): void {
  const name = after.className;
  if (before.module !== after.module)
    diff.add(
      'major',
      'module-renamed',
      name,
      `${name}'s types moved from services/${before.module} to services/${after.module}`,
    );
  const explained = new Set<string>();
  for (const [methodName, method] of after.methods) {
    const old = before.methods.get(methodName);
    if (old === undefined)
      diff.add('minor', 'method-added', `${name}.${methodName}`, `method ${name}.${methodName} added`);
    else compareMethod(`${name}.${methodName}`, old, method, diff, explained);
  }
  for (const [methodName, method] of before.methods) {
    if (after.methods.has(methodName)) continue;
    diff.add('major', 'method-removed', `${name}.${methodName}`, `method ${name}.${methodName} removed`);
    for (const overload of method.overloads) explained.add(overload.typeName);
    if (method.unionName !== undefined) explained.add(method.unionName);
  }
  for (const type of before.types) {
    if (!after.types.has(type) && !explained.has(type))
      diff.add(
        'major',
        'type-removed',
        `${name}: ${type}`,
        `type ${type} no longer exported by services/${after.module}`,
      );
  }
}

/** Overloads are the same overload when they take the same parameter names (the portal matches calls by name). */
function compareMethod(
  subject: string,
  before: MethodApi,
  after: MethodApi,
  diff: Differ,
  explained: Set<string>,
): void {
  if (before.doc !== after.doc)
    diff.add('patch', 'description-changed', subject, describeDocChange(subject, before.doc, after.doc));
  // Each old overload's type is matched, paired or removed below, and reported there.
  for (const overload of before.overloads) explained.add(overload.typeName);
  const key = (overload: OverloadApi) => [...overload.names].sort().join();
  const olds = new Map(before.overloads.map((overload) => [key(overload), overload]));
  const news = new Map(after.overloads.map((overload) => [key(overload), overload]));
  const removed = [...olds].filter(([id]) => !news.has(id)).map(([, overload]) => overload);
  const added = [...news].filter(([id]) => !olds.has(id)).map(([, overload]) => overload);
  for (const [id, overload] of news) {
    const old = olds.get(id);
    if (old !== undefined) compareOverload(`${subject}(${overload.names.join(', ')})`, old, overload, diff);
  }
  const pairs = pairOverloads(removed, added);
  for (const [old, overload] of pairs) {
    if (overload === undefined)
      diff.add('major', 'overload-removed', signature(subject, old), `overload ${signature(subject, old)} removed`);
    else compareChangedParameters(subject, old, overload, diff);
  }
  const paired = new Set(pairs.map(([, overload]) => overload));
  for (const overload of added)
    if (!paired.has(overload))
      diff.add(
        'minor',
        'overload-added',
        signature(subject, overload),
        `overload ${signature(subject, overload)} added`,
      );
}

/** The same overload: its parameters type's name, each parameter's type and optionality, its result. */
function compareOverload(subject: string, before: OverloadApi, after: OverloadApi, diff: Differ): void {
  if (before.typeName !== after.typeName)
    diff.add(
      'major',
      'type-renamed',
      subject,
      `parameters type of ${subject} renamed from ${before.typeName} to ${after.typeName}`,
    );
  for (const [name, parameter] of after.parameters) {
    const old = before.parameters.get(name);
    if (old !== undefined) compareParameter(`${subject}: ${name}`, old, parameter, diff);
  }
  compareResult(subject, before.result, after.result, diff);
}

/** An app passes parameters: a wider type accepts all it passed (minor), a narrower one may not (major). */
function compareParameter(subject: string, before: TypedMember, after: TypedMember, diff: Differ): void {
  if (before.optional !== after.optional) {
    diff.add(
      after.optional ? 'minor' : 'major',
      'parameter-optionality-changed',
      subject,
      `${subject} is now ${after.optional ? 'optional' : 'required'}`,
    );
  }
  const relation = diff.relate(before, after);
  if (relation === 'wider')
    diff.add('minor', 'parameter-type-changed', subject, `${subject} widened from ${before.text} to ${after.text}`);
  else if (relation === 'narrower')
    diff.add('major', 'parameter-type-changed', subject, `${subject} narrowed from ${before.text} to ${after.text}`);
  else if (relation === 'other')
    diff.add('major', 'parameter-type-changed', subject, `${subject} changed from ${before.text} to ${after.text}`);
  else if (before.doc !== after.doc)
    diff.add('patch', 'description-changed', subject, `description of ${subject} changed`);
}

/** An app receives results: a narrower type is all it handled (minor), a wider or other one may not be (major). */
function compareResult(subject: string, before: TypedText, after: TypedText, diff: Differ): void {
  const relation = diff.relate(before, after);
  if (relation === 'narrower')
    diff.add(
      'minor',
      'result-type-changed',
      subject,
      `result of ${subject} narrowed from ${before.text} to ${after.text}`,
    );
  else if (relation !== 'same')
    diff.add(
      'major',
      'result-type-changed',
      subject,
      `result of ${subject} changed from ${before.text} to ${after.text}`,
    );
}

/**
 * An overload whose parameter names changed is another overload to the portal; to an app it is the same
 * call with a parameter added, removed or renamed. A removed overload is paired with the added one that
 * differs from it by the fewest names, when both lists are equally long; the rest are removed or added.
 */
function pairOverloads(
  removed: readonly OverloadApi[],
  added: readonly OverloadApi[],
): [OverloadApi, OverloadApi | undefined][] {
  if (removed.length !== added.length) return removed.map((overload) => [overload, undefined]);
  const free = new Set(added);
  return removed.map((old) => {
    const distance = (overload: OverloadApi) => symmetricDifference(old.names, overload.names).length;
    const best = [...free].sort((a, b) => distance(a) - distance(b))[0];
    if (best !== undefined) free.delete(best);
    return [old, best];
  });
}

function compareChangedParameters(subject: string, before: OverloadApi, after: OverloadApi, diff: Differ): void {
  const name = signature(subject, before);
  const gone = before.names.filter((parameter) => !after.parameters.has(parameter));
  const come = after.names.filter((parameter) => !before.parameters.has(parameter));
  // A new parameter an app may leave out (a ServiceContext) breaks no call; any other does (all are sent).
  const breaking = gone.length > 0 || come.some((parameter) => after.parameters.get(parameter)?.optional !== true);
  const parts = [
    ...(gone.length === 1 && come.length === 1 ? [`${gone[0]} renamed to ${come[0]}`] : []),
    ...(gone.length === 1 && come.length === 1 ? [] : gone.map((parameter) => `${parameter} removed`)),
    ...(gone.length === 1 && come.length === 1
      ? []
      : come.map(
          (parameter) => `${parameter} added${after.parameters.get(parameter)?.optional === true ? ' (optional)' : ''}`,
        )),
  ];
  diff.add(
    breaking ? 'major' : 'minor',
    'parameters-changed',
    name,
    `${name}: ${parts.join(', ')}; now ${signature(subject, after)}`,
  );
  for (const [parameter, type] of after.parameters) {
    const old = before.parameters.get(parameter);
    if (old !== undefined) compareParameter(`${signature(subject, after)}: ${parameter}`, old, type, diff);
  }
  compareResult(signature(subject, after), before.result, after.result, diff);
}

function compareModels(
  before: ReadonlyMap<string, ModelApi>,
  after: ReadonlyMap<string, ModelApi>,
  diff: Differ,
): void {
  for (const [name, model] of after) {
    const old = before.get(name);
    if (old === undefined) diff.add('minor', 'model-added', `models: ${name}`, `model ${name} added`);
    else compareModel(name, old, model, diff);
  }
  for (const name of before.keys())
    if (!after.has(name)) diff.add('major', 'model-removed', `models: ${name}`, `model ${name} removed`);
}

/** Models are read (results) and written (parameters): any change to a property but an addition breaks someone. */
function compareModel(name: string, before: ModelApi, after: ModelApi, diff: Differ): void {
  if (before.properties === undefined || after.properties === undefined) {
    if (diff.relate(before, after) !== 'same')
      diff.add(
        'major',
        'model-changed',
        `models: ${name}`,
        `model ${name} changed from ${before.text} to ${after.text}`,
      );
    return;
  }
  for (const [property, member] of after.properties) {
    const old = before.properties.get(property);
    const subject = `models: ${name}.${property}`;
    if (old === undefined) diff.add('minor', 'model-property-added', subject, `property ${name}.${property} added`);
    else if (old.optional !== member.optional || diff.relate(old, member) !== 'same') {
      diff.add(
        'major',
        'model-property-changed',
        subject,
        `property ${name}.${property} changed from ${old.text}${old.optional ? ' (optional)' : ''} to ${member.text}${member.optional ? ' (optional)' : ''}`,
      );
    } else if (old.doc !== member.doc)
      diff.add('patch', 'description-changed', subject, `description of ${name}.${property} changed`);
  }
  for (const property of before.properties.keys()) {
    if (!after.properties.has(property))
      diff.add(
        'major',
        'model-property-removed',
        `models: ${name}.${property}`,
        `property ${name}.${property} removed`,
      );
  }
}

/** Deprecation notes are descriptions too, but worth naming. */
function describeDocChange(subject: string, before: string, after: string): string {
  const deprecated = (doc: string) => doc.includes('@deprecated') || doc.includes('as deprecated');
  if (deprecated(after) && !deprecated(before)) return `${subject} deprecated`;
  if (deprecated(before) && !deprecated(after)) return `${subject} no longer deprecated`;
  return `description of ${subject} changed`;
}

function signature(subject: string, overload: OverloadApi): string {
  return `${subject}(${overload.names.join(', ')})`;
}

function symmetricDifference(a: readonly string[], b: readonly string[]): string[] {
  return [...a.filter((name) => !b.includes(name)), ...b.filter((name) => !a.includes(name))];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
