// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { notificationText, shouldNotifyInPage } from './web-notifications';

const base = { desktop: false, enabled: true, permission: 'granted' as const, focused: false };

describe('page notifications on the web host', () => {
  it('notify only in the background, with the switch on and the browser’s permission granted', () => {
    expect(shouldNotifyInPage(base)).toBe(true);
    expect(shouldNotifyInPage({ ...base, focused: true })).toBe(false);
    expect(shouldNotifyInPage({ ...base, enabled: false })).toBe(false);
    expect(shouldNotifyInPage({ ...base, permission: 'default' })).toBe(false);
    expect(shouldNotifyInPage({ ...base, permission: 'denied' })).toBe(false);
    expect(shouldNotifyInPage({ ...base, permission: 'unsupported' })).toBe(false);
  });

  it('never in the desktop app, whose main process notifies instead', () => {
    expect(shouldNotifyInPage({ ...base, desktop: true })).toBe(false);
  });

  it('say whether the reply finished or failed, and in which conversation', () => {
    expect(notificationText({ seq: 1, conversationId: 'c', title: 'Taxes', failed: false })).toEqual({
      title: 'Reply finished',
      body: 'Taxes',
    });
    expect(notificationText({ seq: 2, conversationId: 'c', title: ' ', failed: true })).toEqual({
      title: 'Reply failed',
      body: 'Untitled conversation',
    });
  });
});
