/**
 * Every name `src/runtime/index.ts` exports. A generated package's index re-exports the runtime next to
 * its services and models, so no generated name may take one of these (a test keeps this list in step).
 */
export const RUNTIME_EXPORTS: readonly string[] = [
  'AbortError',
  'ActionSpec',
  'Authentication',
  'AuthenticationError',
  'BasicAuthentication',
  'BatchSession',
  'BearerAuthentication',
  'CallOptions',
  'Callback',
  'CookieAuthentication',
  'HttpError',
  'Invoker',
  'LiferayError',
  'NetworkError',
  'ObjectWrapper',
  'ParameterSpec',
  'ParseError',
  'RedirectError',
  'ServerError',
  'Session',
  'SessionOptions',
  'TimeoutError',
  'Upload',
  'UploadData',
  'invokeWithCallback',
  'withClassName',
];
