// Contract: generated titles (Settings › History): whether a cheap model names each new conversation after its
// first reply, and which model that is. Off unless the person turns it on: every title is a paid request.

import { z } from 'zod';

export interface TitleSettings {
  enabled: boolean;
  /** The model that writes them (the core chooses it; shown so the person knows what they are paying for). */
  model: string;
}

export const titleSettingsSetSchema = z.object({ enabled: z.boolean() }).strict();
