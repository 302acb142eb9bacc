// What the detail screen says about how it was reached from "Add contact" (router state, set by the list).

/** 'added': just created; 'existed': the number was already there (a 409), so this is that contact. */
export type ContactNotice = 'added' | 'existed';

export function noticeOf(state: unknown): ContactNotice | null {
  const notice = (state as { notice?: unknown } | null)?.notice;
  return notice === 'added' || notice === 'existed' ? notice : null;
}
