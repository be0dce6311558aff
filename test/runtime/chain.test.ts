/**
 * Chains on the wire: the `/invoke` body a chain sends (names, whitelists, `@` flags, parameters as in
 * ordinary calls, nested statements), how the answer's nested results come back under the app's keys, and
 * a chain among a batch's commands. Against a recording server; the mock portal's semantics are in
 * test/mock/statements.test.ts and the whole package in test/e2e/chaining.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serveJson, startPortalServer, type PortalServer } from '../helpers/portal-server.js';
import { call, chain } from '../../src/runtime/chain.js';
import { BatchSession, ServerError, Session } from '../../src/runtime/index.js';
import { defineService, type ActionSpec } from '../../src/runtime/internal.js';
import type { CallStyle, ServiceMethod } from '../../src/runtime/index.js';
import { addEntry, commandsOf, getEntry, getGroupEntries, getUserById, portalError } from './jsonws-portal.js';

// Services shaped like generated ones, in every style.
interface Entry {
  entryId: number;
  title: string;
  userId: number;
  cover: { url: string };
}
interface User {
  userId: number;
  contactId: number;
}
interface BlogsService<Style extends CallStyle = 'sync'> {
  getGroupEntries: ServiceMethod<Style, { groupId: number; status: number; start: number; end: number }, Entry[]>;
  getEntry: ServiceMethod<Style, { entryId: number }, Entry | null>;
  addEntry: ServiceMethod<
    Style,
    {
      title: string;
      content: string;
      smallImageFileEntry: readonly number[] | null;
      coverImageSelector: object | null;
      serviceContext?: object;
    },
    Entry | null
  >;
}
interface UserService<Style extends CallStyle = 'sync'> {
  getUserById: ServiceMethod<Style, { userId: number }, User | null>;
}
interface ContactService<Style extends CallStyle = 'sync'> {
  getContact: ServiceMethod<Style, { contactId: number }, { contactId: number } | null>;
}
interface BookingService<Style extends CallStyle = 'sync'> {
  getBooking: ServiceMethod<Style, { bookingId: number }, { bookingId: number } | null>;
}
const Blogs = defineService<BlogsService, BlogsService<'chain'>>('BlogsEntryService', {
  getGroupEntries,
  getEntry,
  addEntry,
});
const Users = defineService<UserService, UserService<'chain'>>('UserService', { getUserById });
const Contacts = defineService<ContactService, ContactService<'chain'>>('ContactService', {
  getContact: ['/contact/get-contact', ['contactId']] as ActionSpec,
});
const Bookings = defineService<BookingService, BookingService<'chain'>>('CalendarBookingService', {
  getBooking: ['/calendar.calendarbooking/get-booking', ['bookingId']] as ActionSpec,
});

let portal: PortalServer;
let answer: unknown = null;
let session: Session;
beforeEach(async () => {
  portal = await startPortalServer((request, response, incoming) => serveJson(answer)(request, response, incoming));
  session = new Session({ server: portal.url });
});
afterEach(async () => {
  await session.close();
  await portal.close();
});

describe('a chain on the wire', () => {
  it("sends the README's request for entries and their authors", async () => {
    answer = [[{ entryId: 1, title: 'A', userId: 7, author: { userId: 7, contactId: 70 } }]];
    const entries = await chain(
      session,
      call(Blogs)
        .getGroupEntries({ groupId: 1084, status: 0, start: -1, end: -1 })
        .pick('entryId', 'title', 'userId')
        .with('author', (entry) => call(Users).getUserById({ userId: entry.userId })),
    );
    expect(commandsOf(portal.requests[0])).toEqual([
      {
        '$blogsentry[entryId,title,userId] = /blogsentry/get-group-entries': {
          groupId: 1084,
          status: 0,
          start: -1,
          end: -1,
          '$author = /user/get-user-by-id': { '@userId': '$blogsentry.userId' },
        },
      },
    ]);
    expect(entries).toEqual([{ entryId: 1, title: 'A', userId: 7, author: { userId: 7, contactId: 70 } }]);
    expect(portal.requests[0]?.url).toBe('/api/jsonws/invoke');
  });

  it("sends the issue's request for a user and their contact", async () => {
    answer = [{ userId: 10172, contactId: 5, contact: { contactId: 5 } }];
    await chain(
      session,
      call(Users)
        .getUserById({ userId: 10172 })
        .pick('userId', 'contactId')
        .with('contact', (u) => call(Contacts).getContact({ contactId: u.contactId })),
    );
    expect(portal.requests[0]?.body).toBe(
      '[{"$user[userId,contactId] = /user/get-user-by-id":{"userId":10172,"$contact = /contact/get-contact":{"@contactId":"$user.contactId"}}}]',
    );
  });

  it("names every statement once in the request, and gives each nested result back under the app's key", async () => {
    // As the portal answers: each nested result under its statement's name on the wire.
    answer = [
      {
        bookingId: 1,
        user: { userId: 2, contactId: 3, user_2: { userId: 3, contactId: 4, nested: { contactId: 4 } } },
      },
    ];
    const booking = await chain(
      session,
      call(Bookings)
        .getBooking({ bookingId: 1 })
        .with('user', () =>
          call(Users)
            .getUserById({ userId: 2 })
            .with('user', (user) =>
              call(Users)
                .getUserById({ userId: user.contactId })
                .with('the contact', (again) => call(Contacts).getContact({ contactId: again.contactId })),
            ),
        ),
    );
    expect(Object.keys(commandsOf(portal.requests[0])[0] ?? {})).toEqual([
      '$calendarbooking = /calendar.calendarbooking/get-booking',
    ]);
    expect(portal.requests[0]?.body).toContain(
      '"$user_2 = /user/get-user-by-id":{"@userId":"$user.contactId","$nested = /contact/get-contact":{"@contactId":"$user_2.contactId"}}',
    );
    expect(booking).toEqual({
      bookingId: 1,
      user: { userId: 2, contactId: 3, user: { userId: 3, contactId: 4, 'the contact': { contactId: 4 } } },
    });
  });

  it('sends parameters as an ordinary call does, a reference as a flag in place of the value', async () => {
    answer = [null];
    await chain(
      session,
      call(Blogs)
        .getEntry({ entryId: 1 })
        .with('copy', (entry) =>
          call(Blogs).addEntry({
            title: 'Copy',
            content: 'x',
            smallImageFileEntry: [1, -1],
            coverImageSelector: entry.cover,
          }),
        ),
    ).catch(() => undefined);
    const entry = Object.values(commandsOf(portal.requests[0])[0] ?? {})[0] as Record<string, unknown>;
    // The object parameter is a flag, not "+coverImageSelector"; the ServiceContext not given is left out.
    expect(entry['$copy = /blogsentry/add-entry']).toEqual({
      title: 'Copy',
      content: 'x',
      smallImageFileEntry: '[1,-1]',
      '@coverImageSelector': '$blogsentry.cover',
    });
  });

  it("goes among a batch's commands, and a portal error names the chain's path", async () => {
    answer = [{ entryId: 1 }, { userId: 2, contactId: 3, contact: { contactId: 3 } }];
    const batch = new BatchSession(session);
    const entry = new (defineService<BlogsService>('BlogsEntryService', { getGroupEntries, getEntry, addEntry }))(
      batch,
    ).getEntry({ entryId: 1 });
    const user = chain(
      batch,
      call(Users)
        .getUserById({ userId: 2 })
        .with('contact', (u) => call(Contacts).getContact({ contactId: u.contactId })),
    );
    await batch.send();
    expect(await entry).toEqual({ entryId: 1 });
    expect(await user).toEqual({ userId: 2, contactId: 3, contact: { contactId: 3 } });
    expect(Object.keys(commandsOf(portal.requests[0])[1] ?? {})).toEqual(['$user = /user/get-user-by-id']);
    answer = portalError(
      'com.liferay.portal.kernel.exception.NoSuchUserException',
      'No User exists with the primary key 2',
    );
    const failed = await chain(session, call(Users).getUserById({ userId: 2 })).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ServerError);
    expect(failed).toMatchObject({
      path: '/user/get-user-by-id',
      type: 'com.liferay.portal.kernel.exception.NoSuchUserException',
    });
    const again = new BatchSession(session);
    const queued = chain(again, call(Users).getUserById({ userId: 2 })).catch((error: unknown) => error);
    await again.send().catch(() => undefined);
    expect(await queued).toMatchObject({ path: '/user/get-user-by-id' });
  });
});
