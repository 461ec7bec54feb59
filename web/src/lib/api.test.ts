import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, apiUrl, setCsrfToken } from './api';

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken('');
});

function stubFetch(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(body === undefined ? '' : JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('upload', () => {
  it('sends the file as the raw body with its type, the name in the query and the CSRF token', async () => {
    const fetch = stubFetch(201, { id: 9, file_name: 'Dự thảo nghị quyết.pdf' });
    setCsrfToken('token-1');
    const file = new Blob(['%PDF-1.7'], { type: 'application/pdf' });

    const saved = await api.upload<{ id: number }>('/meetings/4/attachments', file, {
      file_name: 'Dự thảo nghị quyết.pdf',
    });

    expect(saved.id).toBe(9);
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(new URL(url, 'http://host').searchParams.get('file_name')).toBe('Dự thảo nghị quyết.pdf');
    expect(url.startsWith('/api/v1/meetings/4/attachments?')).toBe(true);
    expect(init.method).toBe('POST');
    expect(init.body).toBe(file);
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/pdf', 'X-CSRF-Token': 'token-1' });
  });

  it('names a file of unknown type as bytes, and reports the server message on failure', async () => {
    const fetch = stubFetch(400, { error: { code: 'invalid_argument', message: 'Tệp rỗng.', field: 'file' } });

    const failure = api.upload('/meetings/4/attachments', new Blob([]), { file_name: 'x' });

    await expect(failure).rejects.toThrow(new ApiError(400, 'invalid_argument', 'Tệp rỗng.', 'file'));
    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.headers).toMatchObject({ 'Content-Type': 'application/octet-stream' });
  });
});

describe('JSON requests', () => {
  it('still send JSON bodies, and nothing but Accept on a GET', async () => {
    const fetch = stubFetch(200, {});
    setCsrfToken('token-2');

    await api.put('/meetings/4/record', { conclusion: 'Thống nhất' });
    await api.get('/meetings/4');

    const [, put] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(put.body).toBe('{"conclusion":"Thống nhất"}');
    expect(put.headers).toMatchObject({ 'Content-Type': 'application/json', 'X-CSRF-Token': 'token-2' });
    const [, get] = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect(get.headers).toEqual({ Accept: 'application/json' });
  });

  it('builds the address of a download link', () => {
    expect(apiUrl('/meetings/4/documents/minutes.pdf')).toBe('/api/v1/meetings/4/documents/minutes.pdf');
  });
});
