/**
 * A failure the mock answers the way a portal does: the Java exception class, its message and the HTTP
 * status. `faultBody` writes it in the discovery format's own shape. From the portal's sources: 7.x
 * JSONWebServiceServiceAction answers NoSuchJSONWebServiceException with 404 and any other throwable with
 * 500; 6.x writes every throwable with 200 (JSONServiceAction sets no status).
 */
import type { DiscoveryFormat } from '../discovery/formats/types.js';

export class PortalFault extends Error {
  readonly type: string;
  /** The status a 7.x portal answers; 6.x portals answer every fault with 200. */
  readonly status: number;

  constructor(type: string, message: string, status = 500) {
    super(message);
    this.name = 'PortalFault';
    this.type = type;
    this.status = status;
  }
}

/** No action at that path, or none whose parameters the command names (7.x: 404; 6.2: RuntimeException). */
export function noSuchAction(format: DiscoveryFormat, message: string): PortalFault {
  return format === '7.x'
    ? new PortalFault('com.liferay.portal.kernel.jsonwebservice.NoSuchJSONWebServiceException', message, 404)
    : new PortalFault('java.lang.RuntimeException', message);
}

/** A value the portal's type conversion (jodd) cannot turn into the parameter's type. */
export function conversionFault(message: string): PortalFault {
  return new PortalFault('jodd.typeconverter.TypeConversionException', message);
}

/** A request body the invoker cannot read as commands. */
export function invalidCommand(message?: string): PortalFault {
  return message === undefined
    ? new PortalFault('java.lang.IllegalArgumentException', 'java.lang.IllegalArgumentException')
    : new PortalFault('java.lang.IllegalStateException', message);
}

/**
 * 7.x (JSONFactoryImpl.serializeThrowable): `{"error": {"message", "type"}, "exception", "throwable"}`.
 * 6.2: `{"exception": "<class>", "message"}`. 6.0/6.1: `{"exception": "<message>"}`.
 */
export function faultBody(format: DiscoveryFormat, fault: PortalFault): { status: number; body: object } {
  switch (format) {
    case '7.x':
      return {
        status: fault.status,
        body: {
          error: { message: fault.message, type: fault.type },
          exception: fault.message,
          throwable: `${fault.type}: ${fault.message}`,
        },
      };
    case '6.2':
      return { status: 200, body: { exception: fault.type, message: fault.message } };
    case 'legacy':
      return { status: 200, body: { exception: fault.message } };
  }
}

/** What the invoker throws on a null result it must read or extend (jodd and the bean copy both dereference it). */
export function nullResult(): PortalFault {
  return new PortalFault('java.lang.NullPointerException', 'java.lang.NullPointerException');
}

/** A flag names a property the result does not have: of a bean, or of a map the invoker made (jodd's BeanUtil reads it). */
export function missingProperty(name: string, map: boolean): PortalFault {
  return new PortalFault('jodd.bean.BeanException', `${map ? 'Map key' : 'Simple property'} not found: ${name}`);
}
