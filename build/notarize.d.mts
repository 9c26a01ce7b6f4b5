// Types for build/notarize.mjs (electron-builder's afterSign hook is plain JavaScript; see there why).

export type NotarizeCredentials =
  | { appleApiKey: string; appleApiKeyId: string; appleApiIssuer: string }
  | { appleId: string; appleIdPassword: string; teamId: string };

export interface SignedBuild {
  electronPlatformName: string;
  appOutDir: string;
  packager: { appInfo: { productFilename: string } };
}

export type Env = Record<string, string | undefined>;

export function notarizeCredentials(env: Env): NotarizeCredentials | null;

export function notarizePlan(
  context: SignedBuild,
  env: Env,
): { skip: string } | { appPath: string; credentials: NotarizeCredentials };

export default function afterSign(
  context: SignedBuild,
  deps?: { env?: Env; notarize?: (options: object) => Promise<void>; log?: (line: string) => void },
): Promise<void>;
