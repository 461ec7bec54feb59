// A small client for the chibo JSON API. The session lives in an HttpOnly cookie; the CSRF token is kept
// in memory only (never in localStorage) and sent as X-CSRF-Token on every POST/PUT/DELETE.

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly field: string | null;

  constructor(status: number, code: string, message: string, field: string | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
  }
}

let csrfToken = '';
let onUnauthenticated: (() => void) | null = null;

export function setCsrfToken(token: string): void {
  csrfToken = token;
}

// Called when a request other than login answers 401 (the session ended): the app shows the login page.
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

const FALLBACK_MESSAGES: Record<number, string> = {
  400: 'Dữ liệu không hợp lệ.',
  401: 'Phiên làm việc đã hết, vui lòng đăng nhập lại.',
  403: 'Bạn không có quyền thực hiện thao tác này.',
  404: 'Không tìm thấy dữ liệu.',
  409: 'Dữ liệu bị trùng hoặc xung đột.',
  413: 'Tệp quá lớn.',
  429: 'Thử quá nhiều lần, vui lòng đợi rồi thử lại.',
  500: 'Lỗi máy chủ, vui lòng thử lại sau.',
  503: 'Máy chủ tạm thời không phục vụ được, vui lòng thử lại sau.',
};

// The address of an API path as the browser fetches it (for links: downloads, printable pages).
export function apiUrl(path: string, query?: Query): string {
  return withQuery(`/api/v1${path}`, query);
}

// Sends one request with a body already encoded (`contentType` names it) and decodes the JSON answer.
async function send<T>(
  method: string,
  path: string,
  body: BodyInit | undefined,
  contentType: string | undefined,
  query?: Query,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (contentType) headers['Content-Type'] = contentType;
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      headers,
      credentials: 'same-origin',
      body,
    });
  } catch {
    throw new ApiError(0, 'network', 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.', null);
  }
  const text = await response.text();
  let json: unknown = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!response.ok) {
    const error = (json as { error?: { code?: string; message?: string; field?: string | null } } | null)?.error;
    const apiError = new ApiError(
      response.status,
      error?.code ?? 'unknown',
      error?.message || FALLBACK_MESSAGES[response.status] || `Lỗi ${response.status}`,
      error?.field ?? null,
    );
    if (response.status === 401 && path !== '/auth/login' && path !== '/auth/me') onUnauthenticated?.();
    throw apiError;
  }
  return json as T;
}

export async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  if (body === undefined) return send<T>(method, path, undefined, undefined, query);
  return send<T>(method, path, JSON.stringify(body), 'application/json', query);
}

// Uploads a file as the raw request body (its own Content-Type), e.g. a meeting's attachment.
export async function upload<T>(path: string, file: Blob, query?: Query): Promise<T> {
  return send<T>('POST', path, file, file.type || 'application/octet-stream', query);
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  del: <T>(path: string) => request<T>('DELETE', path),
  upload: <T>(path: string, file: Blob, query?: Query) => upload<T>(path, file, query),
};

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error) return error.message;
  return 'Đã xảy ra lỗi.';
}
