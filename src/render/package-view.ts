/**
 * Views of the package-level files (package.json, README, indexes): names, counts and a usage example.
 */
import type { TypedContext, TypedMethod, TypedService } from '../typemap/index.js';
import { toPropertyKey } from '../typemap/identifiers.js';
import { PROVENANCE_FILE, type Provenance } from './provenance.js';
import type { RenderOptions } from './render-package.js';
import { shellQuote } from './shell-quote.js';
import type { HeaderView } from './views.js';

export interface PackageView {
  readonly header: HeaderView;
  readonly packageName: string;
  readonly hasCallback: boolean;
  /** Whether the package ships TypeScript sources (and a build script) rather than compiled JavaScript. */
  readonly isTypeScript: boolean;
  readonly callbackImport: string;
  readonly description: string;
  readonly portalVersion: string;
  readonly contextName: string;
  readonly counts: { readonly services: number; readonly methods: number; readonly actions: number; readonly models: number };
  readonly example: { readonly className: string; readonly methodName: string; readonly parameters: string };
  readonly services: readonly { readonly className: string; readonly fileName: string; readonly actionsName: string }[];
  readonly modelDeclarations: string;
  /**
   * The command that made the package (credentials left out), preceded by `cd` to where it ran: one line of
   * shell words quoted by shell-quote.ts, so it cannot leave the code block it is placed in.
   */
  readonly hasCommand: boolean;
  readonly regenerateCommand: string;
  readonly provenanceFile: string;
}

type PackageOptions = Pick<RenderOptions, 'packageName' | 'portalVersion' | 'callback' | 'emit' | 'provenance'>;

export function toPackageView(typed: TypedContext, options: PackageOptions, header: HeaderView): PackageView {
  const { packageName } = options;
  const version = options.portalVersion ?? 'version unknown';
  const methods = typed.services.flatMap((service) => service.methods);
  return {
    header,
    packageName,
    hasCallback: options.callback,
    isTypeScript: options.emit === 'ts',
    callbackImport: `${packageName}/callback`,
    description: `Typed client for the JSON web services of a Liferay portal (${version}), context ${typed.context.name}`,
    portalVersion: version,
    contextName: typed.context.name,
    counts: {
      services: typed.services.length,
      methods: methods.length,
      actions: methods.reduce((sum, method) => sum + method.overloads.length, 0),
      models: typed.context.models.length,
    },
    example: toExample(typed.services),
    services: typed.services.map(({ className, fileName, actionsName }) => ({ className, fileName, actionsName })),
    modelDeclarations: typed.modelDeclarations,
    hasCommand: options.provenance.command !== null,
    regenerateCommand: regenerateCommand(options.provenance),
    provenanceFile: PROVENANCE_FILE,
  };
}

/** The first read method (get...) of the first service, with placeholder arguments of the right types. */
function toExample(services: readonly TypedService[]): PackageView['example'] {
  for (const service of services) {
    const method = service.methods.find((candidate) => candidate.name.startsWith('get')) ?? service.methods[0];
    if (method !== undefined) return { className: service.className, methodName: method.name, parameters: exampleParameters(method) };
  }
  return { className: 'Session', methodName: 'invoke', parameters: '{}' };
}

function exampleParameters(method: TypedMethod): string {
  const overload = method.overloads[0];
  if (overload === undefined) return '{}';
  const fields = overload.action.parameters
    .filter((parameter) => !(parameter.type.kind === 'object' && parameter.type.className.endsWith('ServiceContext')))
    .map((parameter) => `${toPropertyKey(parameter.name)}: ${placeholder(parameter.type.kind, parameter.type)}`);
  return fields.length === 0 ? '{}' : `{ ${fields.join(', ')} }`;
}

function placeholder(kind: string, type: { kind: string; name?: string }): string {
  if (kind === 'primitive') return type.name === 'boolean' ? 'false' : type.name === 'char' ? "'a'" : '0';
  if (kind === 'string') return "''";
  if (kind === 'array' || kind === 'list') return '[]';
  if (kind === 'file') return 'new Uint8Array()';
  return 'null';
}

/** `cd <folder> && <command>`, run from the package's folder; just the command when it ran there. */
function regenerateCommand({ command, workingFolder }: Provenance): string {
  if (command === null) return '';
  return workingFolder === null || workingFolder === '.' ? command : `cd ${shellQuote(workingFolder)} && ${command}`;
}
