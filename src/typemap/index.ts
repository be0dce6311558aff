/**
 * Type mapping stage: a model `Context` → a `TypedContext`, where every service, method, overload and model
 * has its TypeScript identifier and type text. Consumes src/model's types; produces what src/render places.
 */
import type { Action, Context, Service } from '../model/types.js';
import type { ParameterSpec } from '../runtime/spec.js';
import { allocateClassNames, type ClassNames } from './class-names.js';
import { NameScope, ReservedNames, toFileName, toMemberIdentifier, toPropertyKey } from './identifiers.js';
import { overloadTypeName, unionTypeName } from './overload-names.js';
import { assignServiceClassNames } from './service-names.js';
import { isServiceContext, mapJavaType } from './java-to-ts.js';
import { printModels } from './model-to-interface.js';
import { toParameterSpec } from './parameter-spec.js';
import { RUNTIME_EXPORTS, RUNTIME_NAMES } from './runtime-exports.js';

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
  /** The name of its actions table in `services/index.ts`, e.g. "BlogsEntryServiceActions". */
  readonly actionsName: string;
  readonly methods: readonly TypedMethod[];
  /** Names from models.ts and the runtime that this service's types use, sorted. */
  readonly modelImports: readonly string[];
  readonly runtimeImports: readonly string[];
}

/** One method: all the actions (overloads) of one path. */
export interface TypedMethod {
  readonly name: string;
  readonly path: string;
  /** The union of its overloads' parameters types, e.g. `GetGroupEntriesParameters` (see overload-names.ts). */
  readonly parametersName: string;
  readonly overloads: readonly TypedOverload[];
}

export interface TypedOverload {
  readonly action: Action;
  /**
   * The name of the overload's parameters type, from its own parameter names only, e.g.
   * `GetGroupEntriesWithGroupIdStatusMax` (see overload-names.ts): declared once by the sync-style module
   * and shared with the callback-style one.
   */
  readonly parametersName: string;
  /** The properties of the parameters type, in the portal's order; none gives `Record<string, never>`. */
  readonly fields: readonly TypedField[];
  readonly resultType: string;
  readonly spec: readonly ParameterSpec[];
}

/** One property of a parameters type, e.g. `serviceContext?: ServiceContext | ObjectWrapper`. */
export interface TypedField {
  /** A bare identifier or a JSON string literal. */
  readonly key: string;
  readonly optional: boolean;
  readonly type: string;
  readonly description: string | undefined;
}

export function mapContext(context: Context): TypedContext {
  // `Style` is the type parameter of every service interface: no model may be called that either.
  const scope = new NameScope([...RUNTIME_NAMES, 'Style']);
  const classNames = assignServiceClassNames(context.services, scope);
  const classes = allocateClassNames(context, scope);
  const files = new NameScope(['index']);
  // Parameters types live in service modules next to the imported models and runtime names and the interface.
  const moduleNames = new ReservedNames([
    ...RUNTIME_NAMES,
    'Style',
    ...classNames,
    classes.serviceContext,
    ...classes.models.values(),
    ...classes.aliases.values(),
  ]);
  // services/index.ts declares every class and its actions table next to what it imports from the runtime.
  const classModule = new NameScope([...RUNTIME_NAMES, 'Style', ...classNames]);
  const services = context.services.map((service, index) => {
    const className = classNames[index] ?? service.className;
    const names = {
      className,
      fileName: files.claim(toFileName(service.id)),
      actionsName: classModule.claim(`${className}Actions`),
    };
    return mapService(service, names, classes, moduleNames);
  });
  return { context, modelDeclarations: printModels(context.models, classes), services };
}

type ServiceNames = Pick<TypedService, 'className' | 'fileName' | 'actionsName'>;

function mapService(
  service: Service,
  names: ServiceNames,
  classes: ClassNames,
  moduleNames: ReservedNames,
): TypedService {
  const members = new NameScope();
  const types = new NameScope(moduleNames);
  const methods: TypedMethod[] = [];
  const used = new Set<string>();
  for (const actions of groupByPath(service.actions)) {
    const first = actions[0];
    if (first === undefined) continue;
    methods.push({
      name: members.claim(toMemberIdentifier(first.methodName)),
      path: first.path,
      parametersName: types.claim(unionTypeName(first.methodName)),
      overloads: actions.map((action) =>
        mapOverload(action, types.claim(overloadTypeName(first.methodName, action.parameters)), classes, used),
      ),
    });
  }
  const modelNames = new Set([classes.serviceContext, ...classes.models.values(), ...classes.aliases.values()]);
  return {
    service,
    ...names,
    methods,
    modelImports: [...used].filter((name) => modelNames.has(name)).sort(),
    runtimeImports: RUNTIME_EXPORTS.filter((name) => used.has(name)),
  };
}

/** One overload's types; the names they refer to are added to `used`. */
function mapOverload(action: Action, parametersName: string, classes: ClassNames, used: Set<string>): TypedOverload {
  const fields = action.parameters.map((parameter) => ({
    key: toPropertyKey(parameter.name),
    // The portal fills in a ServiceContext that is left out; every other parameter must be sent.
    optional: parameter.type.kind === 'object' && isServiceContext(parameter.type.className),
    type: mapJavaType(parameter.type, 'parameter', classes, used),
    description: parameter.description,
  }));
  return {
    action,
    parametersName,
    fields,
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
