import { ModelError, quoted } from './model-error.js';
import { arrayOf, JVM_PRIMITIVES, resolveJavaType } from './java-type-names.js';
import type { JavaType } from './types.js';

const MAX_DEPTH = 32;
const IDENTIFIER_START = /[A-Za-z_$]/;
const IDENTIFIER_PART = /[A-Za-z0-9_$]/;

/**
 * Parses a type as any discovery format writes it: `_formatType` names (`long`, `string`, `list<...>`,
 * `map<string,string[]>`), Java names with generics, and JVM names (`[J`, `[Ljava.lang.String;`).
 * A recursive-descent reader, so nested generics and arrays compose; throws `model.invalid-type`.
 */
export function parseJavaType(text: string): JavaType {
  const reader = new TypeReader(text);
  const type = reader.type(0);
  reader.end();
  return type;
}

class TypeReader {
  private position = 0;

  constructor(private readonly text: string) {}

  type(depth: number): JavaType {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    this.skipSpaces();
    if (this.peek() === '[') return this.jvmArray(depth);
    const start = this.position;
    const name = this.qualifiedName();
    const typeArguments = this.typeArguments(depth);
    let type = resolveJavaType(name, typeArguments, (reason) => this.fail(reason, start));
    // Each dimension nests the type once more: `long[][]...` counts against the same limit as generics.
    for (let dimensions = 1; ; dimensions++) {
      this.skipSpaces();
      if (this.peek() !== '[') break;
      if (depth + dimensions > MAX_DEPTH) this.fail('nesting too deep');
      this.position++;
      this.expect(']');
      type = arrayOf(type);
    }
    return type;
  }

  end(): void {
    this.skipSpaces();
    if (this.position < this.text.length) this.fail(`unexpected "${this.peek()}"`);
  }

  private typeArguments(depth: number): JavaType[] {
    this.skipSpaces();
    if (this.peek() !== '<') return [];
    this.position++;
    const typeArguments = [this.typeArgument(depth + 1)];
    for (this.skipSpaces(); this.peek() === ','; this.skipSpaces()) {
      this.position++;
      typeArguments.push(this.typeArgument(depth + 1));
    }
    this.expect('>');
    return typeArguments;
  }

  /** `? extends X` and `? super X` reduce to X: a client only needs the bound. */
  private typeArgument(depth: number): JavaType {
    this.skipSpaces();
    if (this.peek() !== '?') return this.type(depth);
    this.position++;
    this.skipSpaces();
    if (!IDENTIFIER_START.test(this.peek()))
      return resolveJavaType('java.lang.Object', [], (reason) => this.fail(reason));
    const keyword = this.qualifiedName();
    if (keyword !== 'extends' && keyword !== 'super') this.fail(`unexpected "${keyword}" after "?"`);
    return this.type(depth);
  }

  /** `[J`, `[[B`, `[Ljava.lang.String;`: the names Class.getName() gives arrays in legacy documents. */
  private jvmArray(depth: number): JavaType {
    if (depth > MAX_DEPTH) this.fail('nesting too deep');
    this.position++;
    const code = this.peek();
    let component: JavaType;
    if (code === '[') {
      component = this.jvmArray(depth + 1);
    } else if (code === 'L') {
      this.position++;
      component = resolveJavaType(this.qualifiedName(), [], (reason) => this.fail(reason));
      this.expect(';');
    } else {
      const primitive = JVM_PRIMITIVES.get(code);
      if (primitive === undefined) this.fail('expected a JVM array component');
      this.position++;
      component = { kind: 'primitive', name: primitive };
    }
    return arrayOf(component);
  }

  private qualifiedName(): string {
    const start = this.position;
    do {
      if (this.position > start) this.position++; // the dot
      if (!IDENTIFIER_START.test(this.peek())) this.fail('expected a name');
      while (IDENTIFIER_PART.test(this.peek())) this.position++;
    } while (this.peek() === '.');
    return this.text.slice(start, this.position);
  }

  private expect(character: string): void {
    this.skipSpaces();
    if (this.peek() !== character) this.fail(`expected "${character}"`);
    this.position++;
  }

  private skipSpaces(): void {
    while (/\s/.test(this.peek())) this.position++;
  }

  /** The current character, or "" at the end (which no character class matches). */
  private peek(): string {
    return this.text.charAt(this.position);
  }

  /** Reports `reason` at `position` (by default where reading stopped), counted from 0 in the raw text. */
  private fail(reason: string, position = this.position): never {
    const at = position < this.text.length ? `at position ${position}` : 'at the end';
    throw new ModelError('model.invalid-type', `invalid Java type ${quoted(this.text)}: ${reason} ${at}`);
  }
}
