/** Small documents of each format, so these tests do not depend on the shared fixtures. */

export const legacyDocument = {
  basePath: '/api/secure/jsonws',
  discover: ['/*'],
  actions: [
    {
      method: 'GET',
      path: '/blogsentry/get-group-entries',
      parameters: [
        { name: 'groupId', type: 'long' },
        { name: 'status', type: 'int' },
        { name: 'max', type: 'int' },
      ],
      response: '[Lcom.liferay.portlet.blogs.model.BlogsEntrySoap;',
      serviceClass: 'com.liferay.portlet.blogs.service.BlogsEntryServiceUtil',
      name: 'getGroupEntries',
    },
    {
      method: 'POST',
      path: '/dlapp/add-file-entry',
      parameters: [
        { name: 'repositoryId', type: 'long' },
        { name: 'sourceFileName', type: 'java.lang.String' },
        { name: 'file', type: 'java.io.File' },
        { name: 'tagNames', type: '[Ljava.lang.String;' },
      ],
      response: 'com.liferay.portal.kernel.repository.model.FileEntry',
      javaMethod: 'ignored by the builder',
    },
  ],
};

export const v62Document = {
  context: 'calendar-portlet',
  basePath: '/calendar-portlet/api/jsonws',
  baseURL: 'http://localhost:8080/calendar-portlet/api/jsonws',
  services: [
    {
      id: 'Calendar#getCalendar',
      method: 'GET',
      parameters: [{ name: 'calendarId', type: 'long', description: 'the primary key' }],
      path: '/calendar-portlet.calendar/get-calendar',
      returns: { type: 'com.liferay.calendar.model.Calendar', description: 'the calendar' },
      description: 'Returns the calendar.',
      deprecated: false,
    },
    {
      id: 'Calendar#deleteCalendar',
      method: 'POST',
      parameters: [{ name: 'calendarId', type: 'long', description: null }],
      path: '/calendar-portlet.calendar/delete-calendar',
      returns: { type: 'void' },
      deprecated: true,
    },
  ],
  types: [],
  version: '6.2.5',
};

export const v7Document = {
  contextName: '',
  basePath: '/api/jsonws',
  baseURL: 'http://localhost:8080/api/jsonws',
  services: [
    {
      name: 'BlogsEntry#getEntry',
      method: 'GET',
      parameters: [{ name: 'entryId', type: 'long' }],
      path: '/blogsentry/get-entry',
      returns: { type: 'com.liferay.blogs.kernel.model.BlogsEntry' },
      extraField: { anything: 1 },
    },
  ],
  types: [
    {
      type: 'com.liferay.blogs.kernel.model.BlogsEntry',
      interface: true,
      properties: [
        { name: 'entryId', type: 'long' },
        { name: 'title', type: 'string' },
      ],
    },
  ],
  version: '7.0.6',
};

/** What the validators keep of each sample: typed fields only, null optionals dropped. */
export const validatedLegacy = {
  basePath: '/api/secure/jsonws',
  discover: ['/*'],
  actions: [
    { ...legacyDocument.actions[0] },
    {
      method: 'POST',
      path: '/dlapp/add-file-entry',
      parameters: legacyDocument.actions[1]?.parameters,
      response: 'com.liferay.portal.kernel.repository.model.FileEntry',
    },
  ],
};

export const validatedV62 = {
  ...v62Document,
  services: [
    v62Document.services[0],
    { ...v62Document.services[1], parameters: [{ name: 'calendarId', type: 'long' }] },
  ],
};

export const validatedV7 = {
  ...v7Document,
  services: [
    {
      name: 'BlogsEntry#getEntry',
      method: 'GET',
      parameters: [{ name: 'entryId', type: 'long' }],
      path: '/blogsentry/get-entry',
      returns: { type: 'com.liferay.blogs.kernel.model.BlogsEntry' },
    },
  ],
};
