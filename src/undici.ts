/**
 * The parts of undici the builder uses, for `await import('../undici.js')`: loaded on first use only. An ES
 * module rather than `import('undici')` itself, because the CLI bundle gives a lazily imported CommonJS
 * package nothing but its default export (esbuild); named re-exports from here survive bundling.
 */
export { Agent, request, Response } from 'undici';
