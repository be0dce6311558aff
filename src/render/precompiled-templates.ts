/**
 * The bundled templates, precompiled: in the CLI bundle only, where scripts/build-cli.mjs replaces this
 * module with templates/ precompiled by `precompileTemplates()` (compiling them took ~50 ms of every
 * generation). Run from src/ (tests) or dist/, there are none, and the templates are compiled from
 * templates/ when they are loaded.
 */
import type Handlebars from 'handlebars';

export type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

export const PRECOMPILED_TEMPLATES: ReadonlyMap<string, TemplateSpecification> | undefined = undefined;
