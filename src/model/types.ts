/**
 * The intermediate model: every discovery format normalises to this, and every later stage reads only this.
 * Plain, readonly, JSON-serialisable data; sorted so that the same portal always gives the same model.
 */
import type { DiscoveryFormat } from '../discovery/formats/types.js';

export type { DiscoveryFormat };

/** All the contexts discovered in one run. */
export interface Api {
  /** The discovery format the documents were in (all documents of one run share it). */
  readonly format: DiscoveryFormat;
  /** The portal's `version` field when the document has one (6.2, 7.x), otherwise null. */
  readonly portalVersion: string | null;
  /** Sorted by name; the portal's own services are the context named "portal". */
  readonly contexts: readonly Context[];
}

/** One web-service context: the portal itself or a plugin (`calendar-portlet`, ...). */
export interface Context {
  /** "portal" for the portal's own services, else the plugin context's name. */
  readonly name: string;
  /** Sorted by id. */
  readonly services: readonly Service[];
  /** Model classes described in the document's `types`, sorted by className. */
  readonly models: readonly Model[];
}

/** One service: the actions under one first path segment. */
export interface Service {
  /** The first path segment without the module prefix: "blogsentry" for "/blogsentry/..." and "/blogs.blogsentry/...". Unique within its context. */
  readonly id: string;
  /** Java-style class name without "Service": "BlogsEntry", "DLApp". */
  readonly className: string;
  /** The whole first path segment with its slash, as invocation needs it: "/blogsentry", "/calendar.calendarbooking". */
  readonly pathPrefix: string;
  /** Sorted by path, then by parameter count and names, so overloads of one path are adjacent. */
  readonly actions: readonly Action[];
}

/** One invocable action: a path with one parameter list. Overloads are several actions with the same path. */
export interface Action {
  /** The full JSON-WS path: "/blogsentry/get-group-entries". */
  readonly path: string;
  /** camelCase of the last path segment: "getGroupEntries". */
  readonly methodName: string;
  /** The Java method name from `name`/`id` after "#", when the document gives one. */
  readonly javaName?: string;
  /** "GET" or "POST" as the document says; "POST" when it says nothing. */
  readonly httpMethod: string;
  readonly parameters: readonly Parameter[];
  readonly returns: Returns;
  readonly description?: string;
  readonly deprecated: boolean;
  /** Where the action came from, so that later errors can name the entry. */
  readonly source: Provenance;
}

export interface Parameter {
  /** The name as the portal expects it on the wire. */
  readonly name: string;
  readonly type: JavaType;
  /** The type string as the document wrote it. */
  readonly typeName: string;
  readonly description?: string;
}

export interface Returns {
  readonly type: JavaType;
  readonly typeName: string;
  readonly description?: string;
}

export interface Provenance {
  /** The document: a file path or the URL (without credentials). */
  readonly document: string;
  /** JSON pointer-like location of the entry: "services[12]" or "actions[3]". */
  readonly entry: string;
}

/** A model class described in `types`. */
export interface Model {
  /** Fully qualified Java class name: "com.liferay.blogs.model.BlogsEntry". */
  readonly className: string;
  /** The part after the last dot: "BlogsEntry". */
  readonly simpleName: string;
  readonly isInterface: boolean;
  /** In document order (Liferay lists them as the class declares them). */
  readonly properties: readonly ModelProperty[];
}

export interface ModelProperty {
  readonly name: string;
  readonly type: JavaType;
  readonly typeName: string;
}

export type PrimitiveName = 'boolean' | 'byte' | 'char' | 'short' | 'int' | 'long' | 'float' | 'double';

/**
 * How the portal reads a JDK value class from a plain JSON value: `decimal` and `integer` from a number or its
 * text (BigDecimal, BigInteger), `date` from epoch milliseconds (Date, Calendar), `text` from a string (Locale,
 * TimeZone), `json` for any other JDK class (Object, Serializable, ...), whatever JSON value it is.
 */
export type ValueClassKind = 'decimal' | 'integer' | 'date' | 'text' | 'json';

/**
 * A parsed Java type. A closed union: the type mapper switches on `kind` exhaustively.
 * Boxed types (java.lang.Long) parse to their primitive; java.lang.String and `string` to string.
 */
export type JavaType =
  | { readonly kind: 'primitive'; readonly name: PrimitiveName }
  | { readonly kind: 'string' }
  | { readonly kind: 'void' }
  | { readonly kind: 'byteArray' }
  | { readonly kind: 'file' }
  | { readonly kind: 'array'; readonly element: JavaType }
  /** `list`, `java.util.List<T>`, sets and other collections; element null when the document does not say. */
  | { readonly kind: 'list'; readonly element: JavaType | null }
  /** `map`, `java.util.Map<K,V>`; key and value null when the document does not say. */
  | { readonly kind: 'map'; readonly key: JavaType | null; readonly value: JavaType | null }
  /**
   * A JDK class (`java.*`, `javax.*`) that the portal converts from a plain JSON value and cannot build from
   * fields: BigDecimal has no constructor without arguments, so it is never sent as an object wrapper.
   * `className` is the Java name, also for 7.x's lower-case `bigdecimal`.
   */
  | { readonly kind: 'value'; readonly className: string; readonly value: ValueClassKind }
  /** Any other class; typeArguments from generics such as OrderByComparator<BlogsEntry>. */
  | { readonly kind: 'object'; readonly className: string; readonly typeArguments: readonly JavaType[] };
