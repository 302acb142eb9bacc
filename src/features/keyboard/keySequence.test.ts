import { describe, expect, it } from 'vitest';
import { createKeySequence, hasModifier, isTypingTarget } from './keySequence';

const bindings = { j: 'next', k: 'prev', '?': 'help', 'g p': 'page' } as const;

describe('createKeySequence', () => {
  it('maps single keys straight away', () => {
    const feed = createKeySequence(bindings);
    expect(feed('j', 0)).toBe('next');
    expect(feed('k', 10)).toBe('prev');
    expect(feed('?', 20)).toBe('help');
    expect(feed('x', 30)).toBeNull();
  });

  it('completes "g p" only when p follows g within the window', () => {
    const feed = createKeySequence(bindings, 1000);
    expect(feed('g', 0)).toBeNull();
    expect(feed('p', 500)).toBe('page');
    expect(feed('p', 600)).toBeNull(); // p alone means nothing
    expect(feed('g', 1000)).toBeNull();
    expect(feed('p', 2500)).toBeNull(); // too late
  });

  it('another key cancels a pending sequence and still counts on its own', () => {
    const feed = createKeySequence(bindings);
    expect(feed('g', 0)).toBeNull();
    expect(feed('j', 10)).toBe('next');
    expect(feed('p', 20)).toBeNull();
    expect(feed('g', 30)).toBeNull();
    expect(feed('g', 40)).toBeNull();
    expect(feed('p', 50)).toBe('page');
  });
});

describe('guards', () => {
  const el = (matches: boolean) => ({ closest: () => (matches ? {} : null) }) as unknown as EventTarget;
  it('treats fields as typing targets and anything else as not', () => {
    expect(isTypingTarget(el(true))).toBe(true);
    expect(isTypingTarget(el(false))).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
    expect(isTypingTarget({} as EventTarget)).toBe(false);
  });
  it('ignores Ctrl, Cmd and Alt, but not Shift', () => {
    const none = { ctrlKey: false, metaKey: false, altKey: false };
    expect(hasModifier(none)).toBe(false);
    expect(hasModifier({ ...none, ctrlKey: true })).toBe(true);
    expect(hasModifier({ ...none, metaKey: true })).toBe(true);
    expect(hasModifier({ ...none, altKey: true })).toBe(true);
  });
});
