// What the audit trail (server/audit) and the console's Activity screen and exporter agree on.

/** Every kind of audit entry. */
export const AUDIT_ACTIONS = [
  'lookup',
  'contact.open',
  'number.reveal',
  'contact.edit',
  'contact.create',
  'contact.remove',
  'contacts.export',
  'session.sign_in',
  'session.sign_out',
  'audit.export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Header every page request of a contact export carries: the id its announcement got. */
export const EXPORT_HEADER = 'x-sent-export';
