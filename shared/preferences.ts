// Contract: the app's own preferences (not a conversation's, not the model feature's): today the colour theme.
// Kept by the core in the history database, so the desktop app and the web host (whose origin changes with its port,
// so page storage would forget) remember them alike.

import { z } from 'zod';

/** "system" follows the OS (prefers-color-scheme; nativeTheme in Electron). */
export const themeChoices = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof themeChoices)[number];

export interface AppPreferences {
  theme: ThemeChoice;
}

export const defaultPreferences: AppPreferences = { theme: 'system' };

export const preferencesSetThemeSchema = z.object({ theme: z.enum(themeChoices) }).strict();
