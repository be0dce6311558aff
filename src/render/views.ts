/**
 * Views: everything a template places, computed here so templates stay logic-less. Fields named `...Type`,
 * `...Specs`, `parameters` and `modelDeclarations` are TypeScript text built by the typemap from sanitised
 * identifiers and JSON literals; every other string from the document passes a helper in the template.
 */
import type { Action } from '../model/types.js';
import type { TypedMethod, TypedService } from '../typemap/index.js';
import { htmlToText } from './html-to-text.js';

export interface HeaderView {
  readonly generatedBy: string;
  readonly command: string;
}

export interface ServiceView {
  readonly header: HeaderView;
  readonly className: string;
  readonly fileName: string;
  readonly serviceDoc: string;
  readonly runtimeImports: readonly string[];
  readonly hasModelImports: boolean;
  readonly modelImports: readonly string[];
  readonly methods: readonly MethodView[];
}

export interface MethodView {
  readonly name: string;
  readonly path: string;
  readonly overloadSpecs: string;
  readonly overloads: readonly OverloadView[];
}

export interface OverloadView {
  readonly docLines: readonly DocLine[];
  readonly parametersType: string;
  readonly resultType: string;
}

/** A JSDoc line: `tag` is the builder's own (`@returns`, `@deprecated`) or empty; `text` is escaped by the template. */
export interface DocLine {
  readonly tag: string;
  readonly text: string;
}

const SYNC_IMPORTS = ['ActionSpec', 'CallOptions', 'Invoker'];
const CALLBACK_IMPORTS = ['Callback', 'CallOptions', 'Invoker'];

export function toServiceView(service: TypedService, header: HeaderView, style: 'sync' | 'callback'): ServiceView {
  const fixed = style === 'sync' ? SYNC_IMPORTS : CALLBACK_IMPORTS;
  return {
    header,
    className: service.className,
    fileName: service.fileName,
    serviceDoc: `The ${service.service.className} service: JSON web services under ${service.service.pathPrefix}.`,
    runtimeImports: [...new Set([...fixed, ...service.runtimeImports])].sort(),
    hasModelImports: service.modelImports.length > 0,
    modelImports: service.modelImports,
    methods: service.methods.map(toMethodView),
  };
}

function toMethodView(method: TypedMethod): MethodView {
  return {
    name: method.name,
    path: method.path,
    overloadSpecs: JSON.stringify(method.overloads.map((overload) => overload.spec)).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`),
    overloads: method.overloads.map((overload) => ({
      docLines: toDocLines(overload.action),
      parametersType: overload.parametersType,
      resultType: overload.resultType,
    })),
  };
}

function toDocLines(action: Action): DocLine[] {
  const text = (line: string): DocLine => ({ tag: '', text: line });
  const lines: DocLine[] = [];
  if (action.description !== undefined) lines.push(...htmlToText(action.description).map(text), text(''));
  lines.push(text(`\`${action.httpMethod} ${action.path}\``));
  const described = action.parameters.filter((parameter) => parameter.description !== undefined);
  if (described.length > 0) lines.push(text(''));
  for (const parameter of described) lines.push(text(`- \`${parameter.name}\`: ${htmlToText(parameter.description ?? '').join(' ')}`));
  if (action.returns.description !== undefined) lines.push({ tag: '@returns', text: htmlToText(action.returns.description).join(' ') });
  if (action.deprecated) lines.push({ tag: '@deprecated', text: 'The portal marks this action as deprecated.' });
  return lines;
}
