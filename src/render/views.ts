/**
 * Views: everything a template places, computed here so templates stay logic-less. Fields named `...Type`,
 * `...Specs`, `parameters` and `modelDeclarations` are TypeScript text built by the typemap from sanitised
 * identifiers and JSON literals; fields named `member`, `imports`, `...Opening` and `...Declaration` are
 * statements printed in prettier's shape (src/typemap/print/), which quotes and checks what it prints; every
 * other string from the document passes a helper in the template.
 */
import type { TypedField, TypedMethod, TypedService } from '../typemap/index.js';
import { toOverloadSpec } from '../typemap/parameter-spec.js';
import { toCommentText } from '../typemap/safe-text.js';
import { htmlToText } from './html-to-text.js';
import { printEmptyParameters, printFieldMember, printMethodMember, printService, type PrintedService } from './print-service.js';

export interface HeaderView {
  readonly generatedBy: string;
  readonly command: string;
}

export interface ServiceView extends PrintedService {
  readonly header: HeaderView;
  readonly className: string;
  readonly fileName: string;
  readonly actionsName: string;
  /** The specifier of its types module, from `services/index.ts`: "./blogsentry.js". */
  readonly typesModule: string;
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
  /** The method's JSDoc: one line (`docLine`) when that is all there is, otherwise `docLines`. */
  readonly docLine: string | false;
  readonly docLines: readonly DocLine[];
  /** The method's line in its service's interface: `name: ServiceMethod<...> & ...;`, printed. */
  readonly member: string;
  readonly overloads: readonly OverloadView[];
}

export interface OverloadView {
  readonly parametersName: string;
  readonly hasParameters: boolean;
  readonly fields: readonly FieldView[];
  readonly resultType: string;
  /** Without parameters: `export type XParameters = Record<string, never>;`, printed; else false. */
  readonly emptyDeclaration: string | false;
}

/** A property of a parameters type; `key` and `type` are TypeScript text from the typemap, `doc` is escaped by the template. */
export interface FieldView {
  readonly key: string;
  readonly optional: boolean;
  readonly type: string;
  readonly doc: string | false;
  /** `key?: type;`, printed. */
  readonly member: string;
}

/** A JSDoc line: `tag` is the builder's own (`@returns`, `@deprecated`) or empty; `text` is escaped by the template. */
export interface DocLine {
  readonly tag: string;
  readonly text: string;
}

/** What every service's types module names from the runtime. */
const SERVICE_IMPORTS = ['CallStyle', 'ServiceMethod'];

/** One view for a service's types module and its sections of both styles' index modules. */
export function toServiceView(service: TypedService, header: HeaderView): ServiceView {
  const runtimeImports = [...new Set([...SERVICE_IMPORTS, ...service.runtimeImports])].sort();
  const typesModule = `./${service.fileName}.js`;
  return {
    ...printService(service, runtimeImports, typesModule),
    header,
    className: service.className,
    fileName: service.fileName,
    actionsName: service.actionsName,
    typesModule,
    serviceDoc: `The ${service.service.className} service: JSON web services under ${service.service.pathPrefix}.`,
    runtimeImports,
    hasModelImports: service.modelImports.length > 0,
    modelImports: service.modelImports,
    methods: service.methods.map(toMethodView),
  };
}

function toMethodView(method: TypedMethod): MethodView {
  return {
    name: method.name,
    path: method.path,
    overloadSpecs: JSON.stringify(method.overloads.map((overload) => toOverloadSpec(overload.spec))).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`),
    ...toMethodDoc(method),
    member: printMethodMember(method),
    overloads: method.overloads.map((overload) => ({
      parametersName: overload.parametersName,
      hasParameters: overload.fields.length > 0,
      fields: overload.fields.map(toFieldView),
      resultType: overload.resultType,
      emptyDeclaration: overload.fields.length > 0 ? false : printEmptyParameters(overload),
    })),
  };
}

/**
 * One JSDoc per method for all its overloads: each distinct description, how a call is sent, then the tags,
 * which must come last (a JSDoc tag takes every line after it as its own text).
 */
function toMethodDoc(method: TypedMethod): Pick<MethodView, 'docLine' | 'docLines'> {
  const actions = method.overloads.map((overload) => overload.action);
  // A line that escapes to nothing (white space, control characters) is an empty line: ` *`, not ` * `.
  const text = (line: string): DocLine => ({ tag: '', text: visible(line) });
  const distinct = (values: readonly (string | undefined)[]) => [...new Set(values.filter((value): value is string => value !== undefined))];
  const descriptions = distinct(actions.map((action) => action.description)).map((description) => htmlToText(description).map(text)).filter((block) => block.length > 0);
  const lines: DocLine[] = descriptions.flatMap((block) => [...block, text('')]);
  lines.push(...howSent(method).map(text));
  const deprecated = actions.filter((action) => action.deprecated).length;
  if (deprecated > 0 && deprecated < actions.length) lines.push(text(''), text(`The portal marks ${deprecated} of its ${actions.length} overloads as deprecated.`));
  const returns = distinct(actions.map((action) => action.returns.description))[0];
  if (returns !== undefined) lines.push({ tag: '@returns', text: visible(htmlToText(returns).join(' ')) });
  if (deprecated > 0 && deprecated === actions.length) lines.push({ tag: '@deprecated', text: 'The portal marks this action as deprecated.' });
  const only = lines.length === 1 ? lines[0] : undefined;
  return { docLine: only !== undefined && only.tag === '' ? only.text : false, docLines: lines };
}

/**
 * What the runtime sends, whatever HTTP method the portal lists for the action (which only a direct request
 * to the action's URL would use): a command in a POST to the session's `invoke` URL, or, for an overload
 * with a file, a multipart POST to the action's own URL.
 */
function howSent(method: TypedMethod): string[] {
  const files = method.overloads.filter((overload) => overload.spec.some((spec) => typeof spec !== 'string' && spec[1] === 'file')).length;
  const command = `Sent as the \`${method.path}\` command of a POST to JSON-WS \`/invoke\`.`;
  if (files === 0) return [command];
  const upload = `a multipart POST to JSON-WS \`${method.path}\``;
  return files === method.overloads.length ? [`Sent as ${upload} (it has a file).`] : [command, `An overload with a file is sent as ${upload}.`];
}

function visible(line: string): string {
  return toCommentText(line) === '' ? '' : line;
}

function toFieldView(field: TypedField): FieldView {
  const doc = field.description === undefined ? [] : htmlToText(field.description);
  return { key: field.key, optional: field.optional, type: field.type, doc: doc.length === 0 ? false : doc.join(' '), member: printFieldMember(field) };
}

