/**
 * Type mapping stage: a model `Context` → a `TypedContext`, where every service, method, overload and model
 * has its TypeScript identifier and type text. Consumes src/model's types; produces what src/render places.
 */
import type { Action, Context, Service } from '../model/types.js';
import type { ParameterSpec } from '../runtime/spec.js';
import { allocateClassNames, type ClassNames } from './class-names.js';
import { NameScope, toFileName, toMemberIdentifier, toPropertyKey, toTypeIdentifier } from './identifiers.js';
import { isServiceContext, mapJavaType } from './java-to-ts.js';
import { printModels } from './model-to-interface.js';
import { toParameterSpec } from './parameter-spec.js';
import { RUNTIME_EXPORTS } from './runtime-exports.js';

export interface TypedContext {
  readonly context: Context;
  /** The declarations of `models.ts`, printed. */
  readonly modelDeclarations: string;
  readonly services: readonly TypedService[];
}

export interface TypedService {
  readonly service: Service;
  /** The class name, e.g. "BlogsEntryService". */
  readonly className: string;
  /** File name without extension, unique in the context. */
  readonly fileName: string;
  readonly methods: readonly TypedMethod[];
  /** Names from models.ts and the runtime that this service's types use, sorted. */
  readonly modelImports: readonly string[];
  readonly runtimeImports: readonly string[];
}

/** One method: all the actions (overloads) of one path. */
export interface TypedMethod {
  readonly name: string;
  readonly path: string;
  readonly overloads: readonly TypedOverload[];
}

export interface TypedOverload {
  readonly action: Action;
  /** The parameter object type, e.g. `{ groupId: number; serviceContext?: ServiceContext | ObjectWrapper }`. */
  readonly parametersType: string;
  readonly resultType: string;
  readonly spec: readonly ParameterSpec[];
}

export function mapContext(context: Context): TypedContext {
  const scope = new NameScope(RUNTIME_EXPORTS);
  const classNames = context.services.map((service) => scope.claim(`${toTypeIdentifier(service.className)}Service`));
  const classes = allocateClassNames(context, scope);
  const files = new NameScope(['index']);
  const services = context.services.map((service, index) =>
    mapService(service, classNames[index] ?? service.className, files.claim(toFileName(service.id)), classes),
  );
  return { context, modelDeclarations: printModels(context.models, classes), services };
}

function mapService(service: Service, className: string, fileName: string, classes: ClassNames): TypedService {
  const members = new NameScope();
  const methods: TypedMethod[] = [];
  const used = new Set<string>();
  for (const actions of groupByPath(service.actions)) {
    const first = actions[0];
    if (first === undefined) continue;
    methods.push({
      name: members.claim(toMemberIdentifier(first.methodName)),
      path: first.path,
      overloads: actions.map((action) => mapOverload(action, classes, used)),
    });
  }
  const modelNames = new Set([classes.serviceContext, ...classes.models.values(), ...classes.aliases.values()]);
  return {
    service,
    className,
    fileName,
    methods,
    modelImports: [...used].filter((name) => modelNames.has(name)).sort(),
    runtimeImports: RUNTIME_EXPORTS.filter((name) => used.has(name)),
  };
}

/** One overload's types; the names they refer to are added to `used`. */
function mapOverload(action: Action, classes: ClassNames, used: Set<string>): TypedOverload {
  const fields = action.parameters.map((parameter) => {
    // The portal fills in a ServiceContext that is left out; every other parameter must be sent.
    const optional = parameter.type.kind === 'object' && isServiceContext(parameter.type.className) ? '?' : '';
    return `${toPropertyKey(parameter.name)}${optional}: ${mapJavaType(parameter.type, 'parameter', classes, used)}`;
  });
  return {
    action,
    parametersType: fields.length === 0 ? 'Record<string, never>' : `{ ${fields.join('; ')} }`,
    resultType: mapJavaType(action.returns.type, 'result', classes, used),
    spec: action.parameters.map(toParameterSpec),
  };
}

function groupByPath(actions: readonly Action[]): Action[][] {
  const groups = new Map<string, Action[]>();
  for (const action of actions) {
    const group = groups.get(action.path);
    if (group === undefined) groups.set(action.path, [action]);
    else group.push(action);
  }
  return [...groups.values()];
}
