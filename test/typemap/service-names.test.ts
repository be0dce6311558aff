/**
 * Service class names depend on no other service, except one that wants the same name: no rank suffixes
 * that a new or removed service could renumber.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Service } from '../../src/model/types.js';
import { NameScope } from '../../src/typemap/identifiers.js';
import { assignServiceClassNames } from '../../src/typemap/service-names.js';

const service = (pathPrefix: string, className: string): Service => ({
  id: pathPrefix.slice(1).replaceAll('.', '-'),
  className,
  pathPrefix,
  actions: [],
});
const names = (services: readonly Service[]) => assignServiceClassNames(services, new NameScope(['Session', 'Style']));

describe('service class names', () => {
  it.each([
    [[service('/blogsentry', 'BlogsEntry')], ['BlogsEntryService']],
    [[service('/calendar.calendarbooking', 'CalendarBooking')], ['CalendarBookingService']],
    // A plain path keeps the name; module services are named after their own path.
    [
      [service('/entry', 'Entry'), service('/a.entry', 'Entry'), service('/b.entry', 'Entry')],
      ['EntryService', 'AEntryService', 'BEntryService'],
    ],
    [
      [service('/a.entry', 'Entry'), service('/b.entry', 'Entry')],
      ['AEntryService', 'BEntryService'],
    ],
    // Two plain paths that want one name (they differ only in case): each after its own id.
    [
      [service('/entry', 'Entry'), service('/Entry', 'Entry')],
      ['EntryService', 'EntryService2'],
    ],
    [
      [service('/x.evil', 'Evil'), service('/evil', 'EVIL')],
      ['XEvilService', 'EVILService'],
    ],
  ])('%#', (services, expected) => {
    expect(names(services)).toEqual(expected);
  });

  it('never change when another service comes or goes, unless it leaves one service alone wanting its name', () => {
    const arbitraryService = fc
      .tuple(
        fc.option(fc.constantFrom('a', 'b', 'calendar', 'dl'), { nil: undefined }),
        fc.constantFrom('Entry', 'Folder', 'BlogsEntry', 'Calendar', 'Booking'),
      )
      .map(([module, className]) =>
        service(`/${module === undefined ? '' : `${module}.`}${className.toLowerCase()}`, className),
      );
    fc.assert(
      fc.property(
        fc.uniqueArray(arbitraryService, { minLength: 2, maxLength: 8, selector: (entry) => entry.pathPrefix }),
        fc.nat(),
        (services, index) => {
          const removed = services[index % services.length]!;
          const others = services.filter((entry) => entry !== removed);
          const before = new Map(services.map((entry, position) => [entry.pathPrefix, names(services)[position]]));
          const after = names(others);
          const rivals = others.filter((entry) => entry.className.toLowerCase() === removed.className.toLowerCase());
          others.forEach((entry, position) => {
            // Only the last one left wanting a name gets it back; rank never renames anyone.
            if (!(rivals.length === 1 && rivals[0] === entry))
              expect(after[position]).toBe(before.get(entry.pathPrefix));
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
