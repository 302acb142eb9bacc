import Sent, { APIError } from '@sentdm/sentdm';
import { afterAll, beforeAll } from 'vitest';
import { DEMO_IDS } from '../api/demo.ts';
import { type ApiOptions, type RunningApi, startApiServer } from '../api/server.ts';

export { DEMO_IDS };

/** Starts one embedded API for the calling test file (port picked by the OS) and stops it afterwards. */
export function apiForThisFile(options: ApiOptions = {}) {
  const state = {} as { api: RunningApi };
  beforeAll(async () => {
    state.api = await startApiServer({ contactsPerProfile: 300, rateLimit: false, ...options });
  });
  afterAll(() => state.api?.close());
  return {
    get url() {
      return state.api.url;
    },
    /** The official SDK pointed at our API. Retries off: every failure must surface as it was sent. */
    client(apiKey = 'sk_test_org_demo') {
      return new Sent({ apiKey, baseURL: state.api.url, maxRetries: 0 });
    },
    raw(path: string, init: RequestInit = {}) {
      return fetch(`${state.api.url}${path}`, init);
    },
  };
}

/** The SDK's error for a request that must fail. */
export async function failureOf(request: Promise<unknown>): Promise<APIError & { error: EnvelopeError }> {
  try {
    await request;
  } catch (error) {
    if (error instanceof APIError) return error as APIError & { error: EnvelopeError };
    throw error;
  }
  throw new Error('Expected the request to fail');
}

export interface EnvelopeError {
  success: false;
  data: null;
  error: { code: string; message: string; details: Record<string, string[]> | null; doc_url: string };
  meta: { request_id: string; timestamp: string; version: string };
}

export const profileHeader = (id: string) => ({ 'x-profile-id': id });
