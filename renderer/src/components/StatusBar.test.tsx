// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { KeyStatus } from '../../../shared/domain';
import { mount, type Mounted } from '../features/markdown/test-dom';
import { appStore } from '../store/use-app-store';
import { StatusBar } from './StatusBar';

const key: KeyStatus = {
  present: true,
  storage: 'keychain',
  last4: 'abcd',
  label: 'sk-or-v1-d9e...899',
  limit: 25,
  limitRemaining: 20.5,
  isFreeTier: false,
  verified: true,
};

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

const bar = () => mounted!.container.querySelector('footer')!;
const announced = () => bar().querySelector('[aria-live]')!.textContent;

describe('StatusBar', () => {
  it('is a named footer, not a live region, and announces only the facts that changed', () => {
    act(() => appStore.setState({ keyStatus: key, connection: 'open', keyRefreshing: false }));
    mounted = mount(<StatusBar />);
    expect(bar().getAttribute('role')).toBeNull();
    expect(bar().getAttribute('aria-label')).toBe('Key and spending');
    expect(bar().textContent).toContain('Remaining credit: $20.50');
    expect(announced()).toBe('');

    const creditSpan = [...bar().children].find((child) => child.textContent?.includes('Remaining credit'));
    act(() => appStore.setState({ keyStatus: { ...key, limitRemaining: 20.25 } }));
    expect(announced()).toBe('Remaining credit: $20.25');
    // The same span, updated in place.
    expect([...bar().children].find((child) => child.textContent?.includes('Remaining credit'))).toBe(creditSpan);

    act(() => appStore.setState({ connection: 'offline' }));
    expect(announced()).toBe('Reconnecting to the Switchboard host…');
    // Nothing changed: nothing new to announce (the last announcement stays as it was).
    act(() => appStore.setState({ keyRefreshing: false }));
    expect(announced()).toBe('Reconnecting to the Switchboard host…');
  });
});
