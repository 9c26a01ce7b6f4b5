// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { DesktopShell, ShellCommand } from '../../../shared/shell-commands';
import { mount, type Mounted } from '../features/markdown/test-dom';
import { registerShortcutAction, runShortcutAction } from './shortcut-actions';
import { type ShellCommandTargets, useShellCommands } from './shell-commands';
import { useShortcut } from './use-shortcut';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

/** A component owning one shortcut whose action takes it only while `accept` says so. */
function Owner({ log, accept }: { log: string[]; accept: () => boolean }) {
  useShortcut('spend', () => {
    if (!accept()) return false;
    log.push('spend ran');
    return true;
  });
  return null;
}

const press = (init: KeyboardEventInit) => {
  const event = new KeyboardEvent('keydown', { cancelable: true, ...init });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};

describe('a shortcut’s keys and its menu command', () => {
  it('run the same action, and the keys are claimed only when it acts', () => {
    const log: string[] = [];
    let accept = true;
    mounted = mount(<Owner log={log} accept={() => accept} />);
    expect(press({ key: 'S', ctrlKey: true, shiftKey: true })).toBe(true);
    expect(runShortcutAction('spend')).toBe(true);
    expect(log).toEqual(['spend ran', 'spend ran']);
    accept = false;
    expect(press({ key: 'S', ctrlKey: true, shiftKey: true })).toBe(false);
    expect(runShortcutAction('spend')).toBe(false);
    expect(log).toHaveLength(2);
  });

  it('leave keys alone that something else already handled, or that an input method is composing', () => {
    const log: string[] = [];
    mounted = mount(<Owner log={log} accept={() => true} />);
    const handled = new KeyboardEvent('keydown', { key: 'S', ctrlKey: true, shiftKey: true, cancelable: true });
    handled.preventDefault();
    window.dispatchEvent(handled);
    expect(press({ key: 'S', ctrlKey: true, shiftKey: true, isComposing: true })).toBe(false);
    expect(log).toEqual([]);
    expect(press({ key: 'S', ctrlKey: true, shiftKey: true })).toBe(true);
    expect(log).toEqual(['spend ran']);
  });

  it('run the action of the latest render, and follow a change of shortcut', () => {
    const log: string[] = [];
    const Named = ({ id, word }: { id: 'spend' | 'settings'; word: string }) => {
      useShortcut(id, () => {
        log.push(`${id} ${word}`);
        return true;
      });
      return null;
    };
    mounted = mount(<Named id="spend" word="first" />);
    mounted.render(<Named id="spend" word="second" />);
    expect(press({ key: 'S', ctrlKey: true, shiftKey: true })).toBe(true);
    mounted.render(<Named id="settings" word="third" />);
    expect(press({ key: 'S', ctrlKey: true, shiftKey: true })).toBe(false);
    expect(runShortcutAction('spend')).toBe(false);
    expect(press({ key: ',', ctrlKey: true })).toBe(true);
    expect(runShortcutAction('settings')).toBe(true);
    expect(log).toEqual(['spend second', 'settings third', 'settings third']);
  });

  it('go to the next owner when one declines, and keep the others when one leaves', () => {
    const log: string[] = [];
    const declining = registerShortcutAction('spend', () => false);
    const leaving = registerShortcutAction('spend', () => {
      log.push('leaving');
      return true;
    });
    const staying = registerShortcutAction('spend', () => {
      log.push('staying');
      return true;
    });
    try {
      expect(runShortcutAction('spend')).toBe(true);
      leaving();
      expect(runShortcutAction('spend')).toBe(true);
      expect(log).toEqual(['leaving', 'staying']);
    } finally {
      declining();
      leaving();
      staying();
    }
    expect(runShortcutAction('spend')).toBe(false);
  });

  it('stop answering once the owner is gone', () => {
    const log: string[] = [];
    mounted = mount(<Owner log={log} accept={() => true} />);
    mounted.unmount();
    mounted = null;
    expect(runShortcutAction('spend')).toBe(false);
    expect(press({ key: 'S', ctrlKey: true, shiftKey: true })).toBe(false);
    expect(log).toEqual([]);
  });
});

function Listener({ shell, targets }: { shell: DesktopShell | null; targets: () => ShellCommandTargets }) {
  useShellCommands(shell, targets);
  return null;
}

describe('useShellCommands', () => {
  it('routes each command of the shell to its target while mounted', () => {
    let listener: ((command: ShellCommand) => void) | null = null;
    const shell: DesktopShell = {
      onCommand: (next) => {
        listener = next;
        return () => (listener = null);
      },
    };
    const calls: string[] = [];
    const targets: ShellCommandTargets = {
      runShortcut: (id) => calls.push(`shortcut ${id}`),
      openConversation: (id) => calls.push(`open ${id}`),
      showAbout: () => calls.push('about'),
    };
    const stableTargets = () => targets;
    mounted = mount(<Listener shell={shell} targets={stableTargets} />);
    listener!({ type: 'shortcut', id: 'new-chat' });
    listener!({ type: 'open-conversation', conversationId: 'c1' });
    listener!({ type: 'show-about' });
    expect(calls).toEqual(['shortcut new-chat', 'open c1', 'about']);
    mounted.unmount();
    mounted = null;
    expect(listener).toBeNull();
  });

  it('listens to nothing on the web host (no shell), and to the new shell when it changes', () => {
    const targets: ShellCommandTargets = { runShortcut: () => {}, openConversation: () => {}, showAbout: () => {} };
    const stableTargets = () => targets;
    const listening: string[] = [];
    const shellNamed = (name: string): DesktopShell => ({
      onCommand: () => {
        listening.push(`+${name}`);
        return () => listening.push(`-${name}`);
      },
    });
    mounted = mount(<Listener shell={null} targets={stableTargets} />);
    const first = shellNamed('first');
    mounted.render(<Listener shell={first} targets={stableTargets} />);
    mounted.render(<Listener shell={first} targets={stableTargets} />);
    mounted.render(<Listener shell={shellNamed('second')} targets={stableTargets} />);
    expect(listening).toEqual(['+first', '-first', '+second']);
  });
});
