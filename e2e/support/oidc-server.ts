// The console in OIDC mode for e2e: the real gateway with staff sign-in against a real OpenID provider
// (server/testing/oidc-provider.ts: users ana (agent, Clinics UK), vic (viewer), ida (admin), nob (no group)).
import { createStaffSignIn } from '../../server/gateway/identity/staff-sign-in.ts';
import { startAppServer } from '../../server/testing/app-server.ts';
import { testSettings } from '../../server/testing/identity-app.ts';
import { startTestProvider, type TestProvider } from '../../server/testing/oidc-provider.ts';

export async function startStaffSignInServer(
  distDir: string,
  api: { fetch(request: Request): Promise<Response> },
) {
  let provider: TestProvider | null = null;
  const server = await startAppServer({
    distDir,
    api,
    apiKey: 'sk_test_org_demo',
    staffSignIn: async (publicUrl, upstream) => {
      provider = await startTestProvider({ publicUrl });
      return createStaffSignIn({ settings: testSettings(publicUrl, provider.issuer), upstream });
    },
  });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await (provider as TestProvider | null)?.stop();
    },
  };
}
