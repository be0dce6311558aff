/**
 * The full 7.3 document end to end: generated, built with tsc (strict, a parameter named `arguments`
 * included), held to the document by the same checks as every package, then called against the mock
 * behind a recording proxy in both call styles, in a batch and in an upload, with the kinds the 7.3
 * document brings: BigDecimal prices, a Liferay enum, a CommerceContext, a QueryDefinition<...>, and
 * overloads with the same names in another order.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fieldsOf, parseMultipart } from '../runtime/multipart.js';
import { buildPackage, serviceClass, type ClientRuntime, type ServiceMethod } from './built-package.js';
import { corpus73File } from './fixture-documents.js';
import { checkGeneratedPackage } from './package-checks.js';
import { startRecordingPortal, type RecordingPortal } from './recording-proxy.js';

// 2.2 times the 7.0 corpus: generating and compiling it takes minutes on a busy two-core machine.
vi.setConfig({ testTimeout: 300_000, hookTimeout: 600_000 });

const LABEL = 'corpus-7.3';
checkGeneratedPackage(LABEL, corpus73File);

type Client = ClientRuntime & Record<string, unknown>;

describe('the 7.3 package against the mock portal', () => {
  let sync: Client;
  let callback: Client;
  let portal: RecordingPortal;
  let session: InstanceType<Client['Session']>;
  beforeAll(async () => {
    const built = await buildPackage(corpus73File, LABEL);
    [sync, callback] = await Promise.all([built.main(), built.callback()]);
    portal = await startRecordingPortal(corpus73File);
  });
  afterAll(() => portal.close());
  beforeEach(() => {
    session = new sync.Session({ server: portal.proxy.url });
  });
  afterEach(() => session.close());

  const service = (module: Client, name: string, invoker: unknown): Record<string, ServiceMethod> =>
    new (serviceClass(module, name))(invoker);
  const lastBody = (): unknown => JSON.parse(portal.proxy.requests.at(-1)?.body ?? 'null');

  it('sends BigDecimal prices as the text or number given, without a ServiceContext left out (sync style)', async () => {
    const entry = await service(sync, 'CommercePriceEntryService', session).addCommercePriceEntry?.({
      cpInstanceId: 1,
      commercePriceListId: 2,
      price: '19.990000000000000001',
      promoPrice: 15,
    });
    expect(portal.proxy.requests.at(-1)?.body).toBe(
      '[{"/commerce.commercepriceentry/add-commerce-price-entry":{"cpInstanceId":1,"commercePriceListId":2,"price":"19.990000000000000001","promoPrice":15}}]',
    );
    expect(entry).toBeTypeOf('object');
  });

  it('sends a DLVersionNumberIncrease constant as plain text (callback style)', async () => {
    await new Promise((resolve, reject) => {
      service(callback, 'DLAppService', session).checkInFileEntry?.(
        { fileEntryId: 11, dlVersionNumberIncrease: 'MAJOR', changeLog: 'reviewed' },
        { onSuccess: resolve, onFailure: reject },
      );
    });
    expect(lastBody()).toEqual([
      { '/dlapp/check-in-file-entry': { fileEntryId: 11, dlVersionNumberIncrease: 'MAJOR', changeLog: 'reviewed' } },
    ]);
  });

  it('sends a CommerceContext, a QueryDefinition, `arguments` and names in another order in one batch', async () => {
    const results = await session.batch((batch) => [
      service(sync, 'CommerceOrderService', batch).applyCouponCode?.({
        commerceOrderId: 1,
        couponCode: 'SPRING',
        commerceContext: null,
      }),
      service(sync, 'MBThreadService', batch).getThreads?.({
        groupId: 20,
        categoryId: 0,
        queryDefinition: { status: 0, start: 0, end: 20 },
      }),
      service(sync, 'StagingService', batch).propagateExportImportLifecycleEvent?.({
        code: 1,
        processFlag: 2,
        processId: 'p1',
        arguments: ['a', 'b'],
      }),
      service(sync, 'DLFolderService', batch).getFileEntriesAndFileShortcutsCount?.({
        groupId: 20,
        folderId: 0,
        mimeTypes: ['text/plain'],
        status: 0,
      }),
    ]);
    expect(lastBody()).toEqual([
      // Unlike a ServiceContext, a CommerceContext is never left out: the portal matches the overload by its name.
      {
        '/commerce.commerceorder/apply-coupon-code': {
          commerceOrderId: 1,
          couponCode: 'SPRING',
          commerceContext: null,
        },
      },
      {
        '/mb.mbthread/get-threads': {
          groupId: 20,
          categoryId: 0,
          '+queryDefinition': 'com.liferay.portal.kernel.dao.orm.QueryDefinition',
          'queryDefinition.status': 0,
          'queryDefinition.start': 0,
          'queryDefinition.end': 20,
        },
      },
      {
        '/staging/propagate-export-import-lifecycle-event': {
          code: 1,
          processFlag: 2,
          processId: 'p1',
          arguments: ['a', 'b'],
        },
      },
      {
        '/dlfolder/get-file-entries-and-file-shortcuts-count': {
          groupId: 20,
          folderId: 0,
          mimeTypes: ['text/plain'],
          status: 0,
        },
      },
    ]);
    expect(portal.lines.at(-1)).toBe(
      'POST /api/jsonws/invoke 200 /commerce.commerceorder/apply-coupon-code /mb.mbthread/get-threads ' +
        '/staging/propagate-export-import-lifecycle-event /dlfolder/get-file-entries-and-file-shortcuts-count',
    );
    expect(results[0]).toBeTypeOf('object');
    expect(Array.isArray(results[1])).toBe(true);
    expect(results[3]).toBeTypeOf('number');
  });

  it('sends a CommerceContext left out as null, which the portal needs to find the action', async () => {
    await service(sync, 'CommerceOrderService', session).applyCouponCode?.({
      commerceOrderId: 1,
      couponCode: 'SPRING',
    });
    expect(lastBody()).toEqual([
      {
        '/commerce.commerceorder/apply-coupon-code': {
          commerceOrderId: 1,
          couponCode: 'SPRING',
          commerceContext: null,
        },
      },
    ]);
  });

  it('uploads with the enum constant as a form field', async () => {
    const file = new TextEncoder().encode('version 2');
    const parameters = {
      fileEntryId: 5,
      sourceFileName: 'a.txt',
      mimeType: 'text/plain',
      title: 'A',
      description: '',
      changeLog: 'v2',
    };
    const entry = await service(sync, 'DLAppService', session).updateFileEntry?.({
      ...parameters,
      dlVersionNumberIncrease: 'MINOR',
      file,
    });
    const request = portal.proxy.requests.at(-1);
    expect(request?.url).toBe('/api/jsonws/dlapp/update-file-entry');
    expect(fieldsOf(parseMultipart(request?.headers ?? {}, request?.rawBody ?? Buffer.alloc(0)))).toEqual([
      ['fileEntryId', '5'],
      ['sourceFileName', 'a.txt'],
      ['mimeType', 'text/plain'],
      ['title', 'A'],
      ['description', ''],
      ['changeLog', 'v2'],
      ['dlVersionNumberIncrease', 'MINOR'],
    ]);
    expect(entry).toMatchObject({ fileEntryId: 5 });
  });
});
