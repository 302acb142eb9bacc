// The console in OIDC mode for e2e: the real gateway with staff sign-in against a real OpenID provider
// (server/tools/oidc-provider.ts: users ana (agent, Clinics UK), vic (viewer), ida (admin), nob (no group)).
import { createStaffSignIn } from '../../server/gateway/identity/staff-sign-in.ts';
import { testSettings } from '../../server/gateway/identity/test-app.ts';
import { startAppServer } from '../../server/tools/app-server.ts';
import { startTestProvider, type TestProvider } from '../../server/tools/oidc-provider.ts';

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
