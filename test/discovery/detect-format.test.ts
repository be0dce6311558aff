import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/discovery/detect-format.js';
import type { DiscoveryFormat } from '../../src/discovery/formats/types.js';
import { legacyDocument, v62Document, v7Document } from './sample-documents.js';

const cases: [string, unknown, DiscoveryFormat | undefined][] = [
  ['7.x sample', v7Document, '7.x'],
  ['6.2 sample', v62Document, '6.2'],
  ['legacy sample', legacyDocument, 'legacy'],
  ['7.x: services entries with name', { services: [{ name: 'A#b', path: '/a/b' }] }, '7.x'],
  ['6.2: services entries with id', { services: [{ id: 'A#b', path: '/a/b' }] }, '6.2'],
  ['entries decide over the context key', { context: '', services: [{ name: 'A#b' }] }, '7.x'],
  ['first entry with a key decides', { services: ['x', { path: '/a' }, { id: 'A#b' }, { name: 'A#c' }] }, '6.2'],
  ['7.x: contextName with empty services', { contextName: 'calendar', services: [] }, '7.x'],
  ['6.2: context with empty services', { context: 'calendar-portlet', services: [] }, '6.2'],
  ['7.x: bare services with types', { services: [], types: [] }, '7.x'],
  ['7.x: services of the wrong type', { services: {} }, '7.x'],
  ['6.2: context without services', { context: '' }, '6.2'],
  ['legacy: actions without response', { actions: [{ path: '/a/b' }] }, 'legacy'],
  ['legacy: actions of the wrong type', { actions: 'none' }, 'legacy'],
  ['nothing recognisable', { exception: 'Authenticated access required' }, undefined],
  ['array', [v7Document], undefined],
  ['null', null, undefined],
  ['string', 'services', undefined],
];

describe('detectFormat', () => {
  it.each(cases)('%s', (_name, json, want) => {
    expect(detectFormat(json)).toBe(want);
  });
});
