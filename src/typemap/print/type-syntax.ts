/**
 * TypeScript type text, as the typemap writes it, read back into a small tree so that it can be laid out
 * the way prettier lays out types. Only the syntax the typemap writes is known; anything else is a bug in the
 * builder (the text never comes from a document unescaped), so it throws rather than guessing.
 */

export type TypeNode =
  | { readonly kind: 'keyword'; readonly name: string }
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'reference'; readonly name: string; readonly args: readonly TypeNode[] | undefined }
  | {
      readonly kind: 'import';
      readonly module: string;
      readonly qualifier: string | undefined;
      readonly args: readonly TypeNode[] | undefined;
    }
  | { readonly kind: 'array'; readonly element: TypeNode }
  | { readonly kind: 'union'; readonly types: readonly TypeNode[] }
  | { readonly kind: 'intersection'; readonly types: readonly TypeNode[] }
  | { readonly kind: 'object'; readonly members: readonly TypeMember[] };

/** A member of an object type or interface: `key?: type` or `[name: key]: type`. */
export type TypeMember =
  | { readonly kind: 'property'; readonly key: PropertyKey; readonly optional: boolean; readonly type: TypeNode }
  | { readonly kind: 'index'; readonly name: string; readonly keyType: TypeNode; readonly type: TypeNode };

/** A property name: an identifier, or a string (quoted as prettier quotes it, or bare where it may be). */
export type PropertyKey = { readonly identifier: string } | { readonly string: string };

const KEYWORDS = new Set([
  'any',
  'bigint',
  'boolean',
  'never',
  'null',
  'number',
  'object',
  'string',
  'symbol',
  'undefined',
  'unknown',
  'void',
]);
const TOKEN =
  /\s*(?:([A-Za-z_$][\w$]*)|('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|(-?\d+(?:\.\d+)?)|(\[\]|[|&()<>,.{}[\]:;?]))/y;

/**
 * Trees by text: a package writes the same few result and property types thousands of times (`number`,
 * `BlogsEntry | null`), and the trees are never changed. Emptied when it grows past a bound, as a hostile
 * document may bring any number of distinct types.
 */
const parsed = new Map<string, TypeNode>();
const MAX_PARSED = 10_000;

export function parseType(text: string): TypeNode {
  const known = parsed.get(text);
  if (known !== undefined) return known;
  const parser = new TypeParser(text);
  const type = parser.union();
  parser.end();
  if (parsed.size >= MAX_PARSED) parsed.clear();
  parsed.set(text, type);
  return type;
}

type Token =
  { readonly word: string } | { readonly string: string } | { readonly number: string } | { readonly mark: string };

class TypeParser {
  readonly #text: string;
  #at = 0;
  #next: Token | undefined;

  constructor(text: string) {
    this.#text = text;
    this.#next = this.#read();
  }

  union(): TypeNode {
    this.#accept('|');
    const types = [this.#intersection()];
    while (this.#accept('|')) types.push(this.#intersection());
    return types.length === 1 ? (types[0] as TypeNode) : { kind: 'union', types };
  }

  end(): void {
    if (this.#next !== undefined) this.#fail('expected the end of the type');
  }

  #intersection(): TypeNode {
    const types = [this.#postfix()];
    while (this.#accept('&')) types.push(this.#postfix());
    return types.length === 1 ? (types[0] as TypeNode) : { kind: 'intersection', types };
  }

  /** Array suffixes in a loop, not by recursion: a type may be an array of many dimensions. */
  #postfix(): TypeNode {
    let type = this.#primary();
    while (this.#accept('[]')) type = { kind: 'array', element: type };
    return type;
  }

  #primary(): TypeNode {
    const token = this.#take();
    if ('mark' in token && token.mark === '(') {
      const inner = this.union();
      this.#expect(')');
      return inner;
    }
    if ('mark' in token && token.mark === '{') return { kind: 'object', members: this.#members() };
    if ('string' in token) return { kind: 'string', value: unquote(token.string) };
    if ('number' in token) return { kind: 'literal', text: token.number };
    if ('word' in token) return this.#named(token.word);
    return this.#fail(`unexpected "${token.mark}"`);
  }

  #named(word: string): TypeNode {
    if (KEYWORDS.has(word)) return { kind: 'keyword', name: word };
    if (word === 'true' || word === 'false') return { kind: 'literal', text: word };
    if (word === 'import' && this.#accept('(')) {
      const module = this.#take();
      if (!('string' in module)) return this.#fail('expected a module name');
      this.#expect(')');
      const qualifier = this.#accept('.') ? this.#qualifiedName(this.#word()) : undefined;
      return { kind: 'import', module: unquote(module.string), qualifier, args: this.#typeArguments() };
    }
    return { kind: 'reference', name: this.#qualifiedName(word), args: this.#typeArguments() };
  }

  #qualifiedName(first: string): string {
    let name = first;
    while (this.#accept('.')) name += `.${this.#word()}`;
    return name;
  }

  #typeArguments(): TypeNode[] | undefined {
    if (!this.#accept('<')) return undefined;
    const args = [this.union()];
    while (this.#accept(',')) args.push(this.union());
    this.#expect('>');
    return args;
  }

  #members(): TypeMember[] {
    const members: TypeMember[] = [];
    while (!this.#accept('}')) {
      members.push(this.#accept('[') ? this.#indexSignature() : this.#property());
      if (!this.#accept(';')) this.#accept(',');
    }
    return members;
  }

  #property(): TypeMember {
    const token = this.#take();
    const key =
      'word' in token
        ? { identifier: token.word }
        : 'string' in token
          ? { string: unquote(token.string) }
          : this.#fail('expected a property name');
    const optional = this.#accept('?');
    this.#expect(':');
    return { kind: 'property', key, optional, type: this.union() };
  }

  #indexSignature(): TypeMember {
    const name = this.#word();
    this.#expect(':');
    const keyType = this.union();
    this.#expect(']');
    this.#expect(':');
    return { kind: 'index', name, keyType, type: this.union() };
  }

  #word(): string {
    const token = this.#take();
    return 'word' in token ? token.word : this.#fail('expected a name');
  }

  #accept(mark: string): boolean {
    const next = this.#next;
    if (next === undefined || !('mark' in next) || next.mark !== mark) return false;
    this.#next = this.#read();
    return true;
  }

  #expect(mark: string): void {
    if (!this.#accept(mark)) this.#fail(`expected "${mark}"`);
  }

  #take(): Token {
    const token = this.#next ?? this.#fail('unexpected end');
    this.#next = this.#read();
    return token;
  }

  #read(): Token | undefined {
    TOKEN.lastIndex = this.#at;
    const match = TOKEN.exec(this.#text);
    if (match === null) {
      if (this.#text.slice(this.#at).trim() === '') return undefined;
      return this.#fail('unknown syntax');
    }
    this.#at = TOKEN.lastIndex;
    const [, word, string, number, mark] = match;
    if (word !== undefined) return { word };
    if (string !== undefined) return { string };
    if (number !== undefined) return { number };
    return { mark: mark ?? '' };
  }

  #fail(problem: string): never {
    throw new Error(`printer: ${problem} at ${this.#at} in the type ${JSON.stringify(this.#text.slice(0, 200))}`);
  }
}

/** The value of a quoted string in either quote, with JSON's escapes (and `\'`). */
function unquote(literal: string): string {
  if (literal.startsWith('"')) return JSON.parse(literal) as string;
  const body = literal
    .slice(1, -1)
    .replace(/\\(.)|"/gs, (match: string, escaped: string | undefined) =>
      escaped === undefined ? '\\"' : escaped === "'" ? "'" : match,
    );
  return JSON.parse(`"${body}"`) as string;
}
