// Shared by every page: the session (tokens in sessionStorage), refresh before expiry, API calls, and the
// local-only clock banner. No build step: a plain ES module.

const KEY = 'nintei.session';
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** NFKC + trim, as the server does: full-width digits, letters and spaces become plain. */
export function normalize(text) {
  return (text ?? '').normalize('NFKC').trim();
}

export function session() {
  try { return JSON.parse(sessionStorage.getItem(KEY)); } catch { return null; }
}

export function saveSession(tokens) {
  const s = { idToken: tokens.idToken, refreshToken: tokens.refreshToken ?? session()?.refreshToken,
              expiresAt: Date.now() + (tokens.expiresIn ?? 3600) * 1000 };
  sessionStorage.setItem(KEY, JSON.stringify(s));
  scheduleRefresh();
  return s;
}

export function logout(reason) {
  sessionStorage.removeItem(KEY);
  location.href = 'index.html' + (reason ? '?reason=' + encodeURIComponent(reason) : '');
}

let refreshTimer;
function scheduleRefresh() {
  clearTimeout(refreshTimer);
  const s = session();
  if (!s?.refreshToken) return;
  const wait = Math.max(0, s.expiresAt - Date.now() - REFRESH_MARGIN_MS);
  refreshTimer = setTimeout(() => refresh().catch(() => {}), wait);
}

async function refresh() {
  const s = session();
  if (!s?.refreshToken) throw new Error('no session');
  const r = await fetch('api/auth/refresh', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                                              body: JSON.stringify({ refreshToken: s.refreshToken }) });
  if (!r.ok) throw new Error('refresh refused');
  return saveSession(await r.json());
}

/** Calls the API with the ID token; refreshes once on 401, then sends the member back to the login page. */
export async function api(path, options = {}) {
  let s = session();
  if (!s) logout('login');
  if (s.expiresAt - Date.now() < 60 * 1000) s = await refresh().catch(() => s);
  const call = (token) => fetch('api/' + path, { ...options,
      headers: { ...(options.headers ?? {}), Authorization: 'Bearer ' + token,
                 ...(options.body ? { 'Content-Type': 'application/json' } : {}) } });
  let r = await call(s.idToken);
  if (r.status === 401) {
    try { s = await refresh(); r = await call(s.idToken); } catch { logout('expired'); }
    if (r.status === 401) logout('expired');
  }
  const body = await r.json().catch(() => ({ message: 'サーバーから応答がありませんでした。時間をおいて再度お試しください。' }));
  if (!r.ok) throw Object.assign(new Error(body.message), { status: r.status, code: body.code, field: body.field });
  return body;
}

export function startSession() {
  if (!session()) logout('login');
  scheduleRefresh();
  document.querySelectorAll('[data-logout]').forEach((b) => b.addEventListener('click', () => logout()));
}

/** Local stack only: shows and shifts the demo's "now". Absent in production (the route does not exist). */
export async function localClockBanner(onChange) {
  let r;
  try { r = await fetch('__local/clock'); } catch { return; }
  if (!r.ok || !(r.headers.get('content-type') ?? '').includes('json')) return;
  const info = await r.json();
  const bar = document.createElement('div');
  bar.className = 'local-banner';
  bar.setAttribute('role', 'region');
  bar.setAttribute('aria-label', 'ローカル環境の時刻設定');
  const now = info.now.slice(0, 16);
  bar.innerHTML = `<span>ローカル環境：現在時刻 <strong></strong>${info.shifted ? '（変更中）' : ''}</span>
    <input type="datetime-local" aria-label="現在時刻を変更" value="${now}">
    <button type="button" data-set>この時刻にする</button><button type="button" data-reset>実際の時刻に戻す</button>`;
  bar.querySelector('strong').textContent = now.replace('T', ' ');
  const post = async (body) => {
    await fetch('__local/clock', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    onChange ? onChange() : location.reload();
  };
  bar.querySelector('[data-set]').addEventListener('click', () => post({ now: bar.querySelector('input').value }));
  bar.querySelector('[data-reset]').addEventListener('click', () => post({ now: '' }));
  document.body.prepend(bar);
}
