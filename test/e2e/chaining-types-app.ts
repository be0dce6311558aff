/**
 * An app's chains, for the type tests (chaining-types.test.ts): what must compile, with its result types
 * checked, and the mistakes the compiler must catch, each marked `@ts-expect-error TS<code>` on the line
 * above. Compiled against the golden 7.x package, under its own strict options (and by `npm run typecheck`).
 */
import { BlogsEntryService, ContactService, GroupService, type BlogsEntry, type Contact, type Session, type User, UserService } from '../../generated/7.x-portal/src/index.js';
import { BlogsEntryService as CallbackBlogsEntryService } from '../../generated/7.x-portal/src/callback/index.js';
import { call, chain, type ChainMethod, type ChainResult, type ChainStyle, type LooseRef, type Ref, type Referable } from '../../generated/7.x-portal/src/runtime/chain.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** Compiles only when A and B are the same type. */
function same<A, B>(proof: Equal<A, B>): void {
  void proof;
}

export async function chains(session: Session): Promise<void> {
  // The example: the result is the picked properties plus the nested result.
  const user = await chain(
    session,
    call(UserService)
      .getUserById({ userId: 10172 })
      .pick('userId', 'screenName', 'contactId')
      .with('contact', (u) => call(ContactService).getContact({ contactId: u.contactId })),
  );
  same<typeof user, { userId: number; screenName: string; contactId: number; contact: Contact | null }>(true);

  // On a list, each element gets the nested result; without pick, every property stays.
  const entries = await chain(
    session,
    call(BlogsEntryService)
      .getGroupEntries({ groupId: 1084, status: 0, start: -1, end: -1 })
      .with('author', (entry) => call(UserService).getUserById({ userId: entry.userId })),
  );
  same<(typeof entries)[number], BlogsEntry & { author: User | null } extends infer T ? { [K in keyof T]: T[K] } : never>(true);

  // pick alone keeps the result's null; an overload is chosen by its parameters, as in ordinary calls.
  same<ChainResult<ReturnType<typeof picked>>, { userId: number } | null>(true);
  same<ChainResult<ReturnType<typeof byTitle>>, BlogsEntry | null>(true);

  // Three levels on objects, a reference to a grandparent, and the callback style's classes.
  const deep = await chain(
    session,
    call(CallbackBlogsEntryService)
      .getEntry({ entryId: 7 })
      .with('author', (entry) =>
        call(UserService)
          .getUserById({ userId: entry.userId })
          .with('contact', (author) => call(ContactService).getContact({ contactId: author.contactId }))
          .with('group', () => call(GroupService).getGroup({ groupId: entry.groupId })),
      ),
  );
  same<typeof deep.author.contact, Contact | null>(true);

  // Callback style: the callback gets the typed result.
  chain(session, picked(), { onSuccess: (result) => same<typeof result, { userId: number } | null>(true), onFailure: () => undefined });

  // A reference is typed by its property; a loose one (of a model the portal does not describe) fits anything.
  same<Referable<{ contactId: number }>['contactId'], number | Ref<number> | LooseRef>(true);
  const loose = await chain(
    session,
    call(Undescribed)
      .getThings({ groupId: 1 })
      .with('contact', (thing) => call(ContactService).getContact({ contactId: thing['contactId']! })),
  );
  same<typeof loose, { [key: string]: unknown; contact: Contact | null }[]>(true);
  same<ChainResult<ReturnType<typeof undescribedPicked>>, { a: unknown; b: unknown } | null>(true);
}

/** A service whose results the portal does not describe, as a corpus package has them. */
declare const Undescribed: ChainStyle<{ getThings: ChainMethod<{ groupId: number }, Record<string, unknown>[]>; getThing: ChainMethod<{ id: number }, Record<string, unknown> | null> }>;
const undescribedPicked = () => call(Undescribed).getThing({ id: 1 }).pick('a', 'b');

const picked = () => call(UserService).getUserById({ userId: 1 }).pick('userId');
const byTitle = () => call(BlogsEntryService).getEntry({ groupId: 1, urlTitle: 'x' });

export function mistakes(): void {
  // @ts-expect-error TS2339 a reference to a property the result lacks
  call(UserService).getUserById({ userId: 1 }).with('contact', (u) => call(ContactService).getContact({ contactId: u.nope }));
  // @ts-expect-error TS2322 a reference whose type does not fit the parameter
  call(UserService).getUserById({ userId: 1 }).with('contact', (u) => call(ContactService).getContact({ contactId: u.screenName }));
  // @ts-expect-error TS2345 picking a property the model lacks
  call(UserService).getUserById({ userId: 1 }).pick('nope');
  // @ts-expect-error TS2339 a reference to a property pick left out
  call(UserService).getUserById({ userId: 1 }).pick('userId').with('contact', (u) => call(ContactService).getContact({ contactId: u.contactId }));
  // @ts-expect-error TS2339 pick after with
  call(UserService).getUserById({ userId: 1 }).with('contact', (u) => call(ContactService).getContact({ contactId: u.contactId })).pick('userId');
  // @ts-expect-error TS2345 a nested result under a name the result already has
  call(UserService).getUserById({ userId: 1 }).with('screenName', (u) => call(ContactService).getContact({ contactId: u.contactId }));
  call(BlogsEntryService)
    .getGroupEntries({ groupId: 1, status: 0, start: -1, end: -1 })
    // @ts-expect-error TS2322 nesting two levels below a list (the portal would reuse the first element's values)
    .with('author', (e) => call(UserService).getUserById({ userId: e.userId }).with('contact', (a) => call(ContactService).getContact({ contactId: a.contactId })));
  // @ts-expect-error TS2322 a plain parameter of the wrong type
  call(UserService).getUserById({ userId: 'x' });
  // @ts-expect-error TS2353 a parameter the action does not take
  call(UserService).getUserById({ userId: 1, bogus: 2 });
  // @ts-expect-error TS2322 a loose reference may be undefined under noUncheckedIndexedAccess: it needs its `!`
  call(Undescribed).getThings({ groupId: 1 }).with('contact', (thing) => call(ContactService).getContact({ contactId: thing['contactId'] }));
}
