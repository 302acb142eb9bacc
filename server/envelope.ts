// The Sent response envelope {success, data, error, meta}: built here for both the embedded API and the gateway's
// own errors, so the console reads every answer the same way.

export type EnvelopeVersion = 'v1' | 'v3';

export interface EnvelopeError {
  code: string;
  message: string;
  details: Record<string, string[]> | null;
  docUrl: string | null;
}

const JSON_TYPE = 'application/json; charset=UTF-8';

function meta(requestId: string, version: EnvelopeVersion) {
  return { request_id: requestId, timestamp: new Date().toISOString(), version };
}

export function successEnvelope(data: unknown, requestId: string, version: EnvelopeVersion = 'v3') {
  return { success: true, data, error: null, meta: meta(requestId, version) };
}

export function errorEnvelopeResponse(
  status: number,
  error: EnvelopeError,
  requestId: string,
  version: EnvelopeVersion,
  headers: Record<string, string> = {},
): Response {
  const body = {
    success: false,
    data: null,
    error: { code: error.code, message: error.message, details: error.details, doc_url: error.docUrl },
    meta: meta(requestId, version),
  };
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': JSON_TYPE, ...headers } });
}
