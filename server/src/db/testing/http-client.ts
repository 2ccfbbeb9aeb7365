import { DEMO_PASSWORD } from '../../../../seed/data/users';

export interface Answer {
  status: number;
  body: { id?: string; error?: { code: string; message: string } } & Record<string, unknown>;
  retryAfter: string | null;
}

/** A signed-in person talking to a server process over real HTTP, as a browser would. */
export class HttpClient {
  private constructor(
    readonly baseUrl: string,
    private readonly cookie: string,
  ) {}

  static async signIn(baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<HttpClient> {
    const login = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (login.status !== 200) throw new Error(`login of ${email} answered ${login.status}`);
    return new HttpClient(baseUrl, login.headers.get('set-cookie')!.split(';')[0]!);
  }

  get(pathname: string): Promise<Answer> {
    return this.send('GET', pathname);
  }

  post(pathname: string, body: unknown): Promise<Answer> {
    return this.send('POST', pathname, body);
  }

  private async send(method: string, pathname: string, body?: unknown): Promise<Answer> {
    const res = await fetch(`${this.baseUrl}${pathname}`, {
      method,
      headers: { Cookie: this.cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let parsed: Answer['body'];
    try {
      parsed = JSON.parse(text) as Answer['body'];
    } catch {
      throw new Error(`${method} ${pathname} answered ${res.status} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
    return { status: res.status, body: parsed, retryAfter: res.headers.get('retry-after') };
  }
}
