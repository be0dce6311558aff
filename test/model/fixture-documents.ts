import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { DiscoveryDocument, DiscoveryFormat } from '../../src/discovery/formats/types.js';
import { ModelError } from '../../src/model/model-error.js';
import type { Action, Api, Context, Service } from '../../src/model/types.js';
import { projectRoot as root } from '../helpers/project.js';

/** A fixture as the discovery stage would hand it over; `source` is the path relative to the repository. */
export function fixture(format: DiscoveryFormat, path: string, context = ''): DiscoveryDocument {
  const document: unknown = JSON.parse(readFileSync(root + path, 'utf8'));
  return { format, document, source: path, context } as DiscoveryDocument;
}

export function contextNamed(api: Api, name: string): Context {
  const context = api.contexts.find((candidate) => candidate.name === name);
  if (context === undefined) throw new Error(`no context ${name}`);
  return context;
}

export function serviceNamed(context: Context, id: string): Service {
  const service = context.services.find((candidate) => candidate.id === id);
  if (service === undefined) throw new Error(`no service ${id}`);
  return service;
}

/** The actions of one path, in model order. */
export function actionsAt(context: Context, path: string): readonly Action[] {
  return context.services.flatMap((service) => service.actions).filter((action) => action.path === path);
}

export function parameterList(action: Action | undefined): string {
  return (action?.parameters ?? []).map((parameter) => `${parameter.name}:${parameter.typeName}`).join(', ');
}

/** The model without provenance, which names entry indexes and so changes when entries are reordered. */
export function withoutSources(api: Api): unknown {
  return JSON.parse(JSON.stringify(api, (key, value: unknown) => (key === 'source' ? undefined : value)));
}

/** The ModelError `run` throws, with its code checked. */
export function modelErrorOf(run: () => unknown, code: string): ModelError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ModelError);
  expect((caught as ModelError).code).toBe(code);
  return caught as ModelError;
}
