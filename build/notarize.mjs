// Build: electron-builder's afterSign hook (electron-builder.yml) — sends the signed macOS app to Apple for
// notarisation, and does nothing at all unless Apple credentials are in the environment: a build without them (every
// Linux and Windows build, an unsigned local macOS build) is left exactly as electron-builder made it. electron-builder's
// own notarisation is turned off (mac.notarize: false) so the app is never sent twice. Plain JavaScript because
// electron-builder loads hooks with a bare import(), which does not read TypeScript on the Node versions we support.

/**
 * The credentials @electron/notarize takes, from the first complete set in the environment (the API key first: Apple
 * recommends it over an Apple ID password), or null when none is complete.
 * @param {Record<string, string | undefined>} env
 */
export function notarizeCredentials(env) {
  const set = (value) => typeof value === 'string' && value.trim() !== '';
  if (set(env.APPLE_API_KEY) && set(env.APPLE_API_KEY_ID) && set(env.APPLE_API_ISSUER)) {
    return {
      appleApiKey: env.APPLE_API_KEY,
      appleApiKeyId: env.APPLE_API_KEY_ID,
      appleApiIssuer: env.APPLE_API_ISSUER,
    };
  }
  if (set(env.APPLE_ID) && set(env.APPLE_APP_SPECIFIC_PASSWORD) && set(env.APPLE_TEAM_ID)) {
    return { appleId: env.APPLE_ID, appleIdPassword: env.APPLE_APP_SPECIFIC_PASSWORD, teamId: env.APPLE_TEAM_ID };
  }
  return null;
}

/**
 * What the hook will do for one signed build: notarise the .app at `appPath`, or skip, with the reason.
 * @param {{ electronPlatformName: string, appOutDir: string, packager: { appInfo: { productFilename: string } } }} context
 * @param {Record<string, string | undefined>} env
 */
export function notarizePlan(context, env) {
  if (context.electronPlatformName !== 'darwin') return { skip: 'not a macOS build' };
  const credentials = notarizeCredentials(env);
  if (!credentials) {
    return {
      skip: 'no Apple credentials (APPLE_API_KEY, APPLE_API_KEY_ID, APPLE_API_ISSUER or APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID)',
    };
  }
  return { appPath: `${context.appOutDir}/${context.packager.appInfo.productFilename}.app`, credentials };
}

/**
 * @param {Parameters<typeof notarizePlan>[0]} context
 * @param {{ env?: Record<string, string | undefined>, notarize?: (options: object) => Promise<void>, log?: (line: string) => void }} [deps]
 */
export default async function afterSign(context, deps = {}) {
  const log = deps.log ?? ((line) => console.log(line));
  const plan = notarizePlan(context, deps.env ?? process.env);
  if ('skip' in plan) {
    log(`notarisation skipped: ${plan.skip}`);
    return;
  }
  // Loaded only when needed, so a build without credentials does not even load it.
  const notarize = deps.notarize ?? (await import('@electron/notarize')).notarize;
  log(`notarising ${plan.appPath}`);
  await notarize({ appPath: plan.appPath, ...plan.credentials });
}
