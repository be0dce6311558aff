/**
 * Views of the package-level files (package.json, README, indexes): names, counts and a usage example.
 */
import type { TypedContext } from '../typemap/index.js';
import { printExportFrom, printImport } from '../typemap/print/print-declaration.js';
import { printMarkdownTable, toMarkdownText } from './markdown.js';
import { PROVENANCE_FILE, type Provenance } from './provenance.js';
import { toExample, type ExampleView } from './readme-example.js';
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
  readonly counts: {
    readonly services: number;
    readonly methods: number;
    readonly actions: number;
    readonly models: number;
  };
  readonly example: ExampleView;
  /** README text: the package name and the portal version, made safe for a line of Markdown prose. */
  readonly readme: { readonly title: string; readonly portalVersion: string; readonly counts: string };
  readonly services: readonly { readonly className: string; readonly fileName: string; readonly actionsName: string }[];
  /** callback/index.ts: `import { ...Actions } from '../services/index.js';`, printed ('' without services). */
  readonly servicesImport: string;
  /** index.ts: `export { ...Service } from './services/index.js';`, printed ('' without services). */
  readonly servicesExport: string;
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
  const counts = {
    services: typed.services.length,
    methods: methods.length,
    actions: methods.reduce((sum, method) => sum + method.overloads.length, 0),
    models: typed.context.models.length,
  };
  return {
    header,
    packageName,
    hasCallback: options.callback,
    isTypeScript: options.emit === 'ts',
    callbackImport: `${packageName}/callback`,
    description: `Typed client for the JSON web services of a Liferay portal (${version}), context ${typed.context.name}`,
    portalVersion: version,
    contextName: typed.context.name,
    counts,
    example: toExample(typed.services, packageName),
    readme: {
      title: toMarkdownText(packageName),
      portalVersion: toMarkdownText(version),
      counts: printMarkdownTable([
        ['What', 'Count'],
        ['Services', String(counts.services)],
        ['Methods', String(counts.methods)],
        ['Actions (overloads included)', String(counts.actions)],
        ['Models described by the portal', String(counts.models)],
      ]),
    },
    services: typed.services.map(({ className, fileName, actionsName }) => ({ className, fileName, actionsName })),
    servicesImport:
      typed.services.length === 0
        ? ''
        : printImport(
            typed.services.map((service) => service.actionsName),
            '../services/index.js',
          ),
    servicesExport:
      typed.services.length === 0
        ? ''
        : printExportFrom(
            typed.services.map((service) => service.className),
            './services/index.js',
          ),
    modelDeclarations: typed.modelDeclarations,
    hasCommand: options.provenance.command !== null,
    regenerateCommand: regenerateCommand(options.provenance),
    provenanceFile: PROVENANCE_FILE,
  };
}

/** `cd <folder> && <command>`, run from the package's folder; just the command when it ran there. */
function regenerateCommand({ command, workingFolder }: Provenance): string {
  if (command === null) return '';
  return workingFolder === null || workingFolder === '.' ? command : `cd ${shellQuote(workingFolder)} && ${command}`;
}
