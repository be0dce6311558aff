/**
 * Liferay's service class names (without "Service"), for documents that do not name the class (legacy 6.0/6.1).
 * Keyed by the lower-cased name, which is how the portal spells the service in paths ("/dlapp", "/mbmessage").
 * Only names whose capitalisation cannot be guessed are needed; a few plain ones are kept for completeness.
 */
const CLASS_NAMES: readonly string[] = [
  // Portal core.
  'Address', 'ClassName', 'Company', 'Contact', 'Country', 'EmailAddress', 'Group', 'Image', 'Layout', 'LayoutBranch',
  'LayoutPrototype', 'LayoutRevision', 'LayoutSet', 'LayoutSetBranch', 'LayoutSetPrototype', 'ListType',
  'MembershipRequest', 'OrgLabor', 'Organization', 'PasswordPolicy', 'Permission', 'Phone', 'PluginSetting', 'Portal',
  'Portlet', 'PortletPreferences', 'Region', 'Repository', 'ResourceBlock', 'ResourcePermission', 'Role', 'Staging',
  'Team', 'Theme', 'User', 'UserGroup', 'UserGroupGroupRole', 'UserGroupRole', 'Website', 'BackgroundTask',
  'ExportImport', 'ExportImportConfiguration', 'TrashEntry',
  // Announcements, assets, expando, ratings, flags, social.
  'AnnouncementsDelivery', 'AnnouncementsEntry', 'AnnouncementsFlag', 'AssetCategory', 'AssetCategoryProperty',
  'AssetEntry', 'AssetTag', 'AssetTagProperty', 'AssetVocabulary', 'ExpandoColumn', 'ExpandoValue', 'RatingsEntry',
  'FlagsEntry', 'SocialActivity', 'SocialActivitySetting', 'SocialRequest', 'CommentManagerJSONWS',
  // Collaboration and content.
  'BlogsEntry', 'BookmarksEntry', 'BookmarksFolder', 'CalEvent', 'JournalArticle', 'JournalFeed', 'JournalFolder',
  'JournalStructure', 'JournalTemplate', 'MBBan', 'MBCategory', 'MBMessage', 'MBThread', 'MicroblogsEntry',
  'PollsQuestion', 'PollsVote', 'WikiNode', 'WikiPage', 'KBArticle', 'KBComment', 'KBFolder', 'KBTemplate',
  // Documents and media.
  'DLApp', 'DLFileEntry', 'DLFileEntryType', 'DLFileShortcut', 'DLFileVersion', 'DLFolder', 'DLSync', 'DLTrash',
  'SyncDLObject',
  // Dynamic data, mobile device rules, calendar, workflow, shopping, software catalog, security.
  'DDLRecord', 'DDLRecordSet', 'DDLRecordVersion', 'DDMDataProviderInstance', 'DDMFormInstance',
  'DDMFormInstanceRecord', 'DDMStructure', 'DDMStructureVersion', 'DDMTemplate', 'DDMTemplateVersion', 'MDRAction',
  'MDRRule', 'MDRRuleGroup', 'MDRRuleGroupInstance', 'Calendar', 'CalendarBooking', 'CalendarNotificationTemplate',
  'CalendarResource', 'KaleoDefinition', 'ShoppingCategory', 'ShoppingCoupon', 'ShoppingItem', 'ShoppingOrder',
  'SCFrameworkVersion', 'SCLicense', 'SCProductEntry', 'SCProductVersion', 'SAPEntry', 'OAuth2Application', 'App',
];

const BY_LOWER_CASE: ReadonlyMap<string, string> = new Map(CLASS_NAMES.map((name) => [name.toLowerCase(), name]));

/** The known class name for a service id ("dlapp" → "DLApp"), or undefined. */
export function knownServiceClassName(id: string): string | undefined {
  return BY_LOWER_CASE.get(id.toLowerCase());
}
