import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { isSetAside, retryDelay, shouldRetry } from './retry';

describe('retry policy', () => {
  const err = (status: number, retryAfter: number | null = null) =>
    new ApiError({ status, code: 'X', message: 'x', retryAfter });

  it('never retries 4xx except 429', () => {
    expect(shouldRetry(0, err(400))).toBe(false);
    expect(shouldRetry(0, err(401))).toBe(false);
    expect(shouldRetry(0, err(404))).toBe(false);
    expect(shouldRetry(0, err(429))).toBe(true);
  });

  it('retries 5xx and network failures a bounded number of times', () => {
    expect(shouldRetry(0, err(503))).toBe(true);
    expect(shouldRetry(1, err(0))).toBe(true);
    expect(shouldRetry(2, err(500))).toBe(false);
  });

  it('waits out Retry-After, else backs off', () => {
    expect(retryDelay(0, err(429, 7))).toBe(7000);
    expect(retryDelay(0, err(500))).toBe(500);
    expect(retryDelay(1, err(500))).toBe(1500);
    expect(retryDelay(10, err(500))).toBe(8000);
  });

  it('treats anything that is not an ApiError as a transient failure with backoff', () => {
    expect(shouldRetry(0, new TypeError('boom'))).toBe(true);
    expect(shouldRetry(2, new TypeError('boom'))).toBe(false);
    expect(retryDelay(2, new TypeError('boom'))).toBe(4500);
  });

  it("knows the gateway's background set-aside from any other 429", () => {
    expect(isSetAside(new ApiError({ status: 429, code: 'GATEWAY_012', message: 'x', retryAfter: 3 }))).toBe(
      true,
    );
    expect(isSetAside(new ApiError({ status: 429, code: 'GATEWAY_011', message: 'x', retryAfter: 3 }))).toBe(
      false,
    );
    expect(isSetAside(err(429, 3))).toBe(false);
  });

  it('gives a 429 more waits than a 5xx gets retries, then stops', () => {
    expect(shouldRetry(2, err(429, 1))).toBe(true);
    expect(shouldRetry(3, err(429, 1))).toBe(false);
    expect(retryDelay(3, err(429, 0))).toBe(0);
  });
});
