/** The configuration file's name, apart from its reader so that the commands' help does not load the reader. */
export const CONFIG_FILE = 'liferay-sdk.config.json';
