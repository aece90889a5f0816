// Shared by every page: the session (tokens in sessionStorage), refresh before expiry, API calls, and the
// local-only clock banner. No build step: a plain ES module.

const KEY = 'nintei.session';

/** The element with this id. */
export const $ = (id) => document.getElementById(id);

/**
 * The one way every page builds an element: the properties assigned (textContent, className, id, type, …),
 * then the children appended (nodes or text; null, undefined and '' skipped, so `cond ? node : ''` works).
 */
export function el(tag, props = {}, ...children) {
  const n = Object.assign(document.createElement(tag), props);
  n.append(...children.filter((c) => c !== null && c !== undefined && c !== ''));
  return n;
}
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
  const s = session();
  sessionStorage.removeItem(KEY);
  // an explicit logout leaves no typed input on a shared device (an expired session keeps it to offer back)
  if (!reason) for (const k of Object.keys(localStorage)) if (k.startsWith('nintei.unsaved.')) localStorage.removeItem(k);
  const go = () => { location.href = 'index.html' + (reason ? '?reason=' + encodeURIComponent(reason) : ''); };
  if (!s?.refreshToken || reason) { go(); return; }
  // ログアウト revokes the refresh token on the server: a copy of it can no longer renew the session
  fetch('api/auth/logout', { method: 'POST', headers: { 'Content-Type': 'application/json' }, keepalive: true,
                             body: JSON.stringify({ refreshToken: s.refreshToken }) }).catch(() => {}).finally(go);
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
  if (!s) {
    logout('login');
    return new Promise(() => {}); // the page is leaving for the login
  }
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
  if (!r.ok) throw Object.assign(new Error(body.message), { status: r.status, code: body.code, field: body.field, problems: body.problems });
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
  const bar = el('div');
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

/** SHA-256 of a file, hex, computed in the browser (the presigned PUT signs it). */
export async function sha256Hex(file) {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function putWithProgress(upload, file, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', upload.url);
    for (const [k, v] of Object.entries(upload.headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100)); };
    xhr.onload = () => (xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(new Error('upload ' + xhr.status)));
    xhr.onerror = () => reject(new Error('network'));
    xhr.send(file);
  });
}

/**
 * Uploads one file to an application: upload slot (the server checks name, size, type), PUT to the presigned
 * URL with progress, then 登録 (the server checks the stored bytes). Returns the registered document.
 */
export async function uploadDocument(application, purpose, file, onProgress) {
  const contentType = file.type === 'image/jpg' ? 'image/jpeg' : file.type;
  const sha256 = await sha256Hex(file);
  const slot = await api(`applications/${application}/documents`, { method: 'POST', body: JSON.stringify({
    purpose, fileName: file.name, size: file.size, contentType, sha256 }) });
  try {
    await putWithProgress(slot.upload, file, onProgress);
  } catch {
    throw new Error('アップロードできませんでした。通信状態を確認して、もう一度ファイルを選んでください。');
  }
  const registered = await api(`applications/${application}/documents/${slot.document.id}`, { method: 'POST' });
  return registered.document;
}

/** Opens a document: images inline in {@code box}, PDFs in a new tab (presigned URL of five minutes). */
export async function previewDocument(application, doc, box) {
  const { url } = await api(`applications/${application}/documents/${doc.id}`);
  box.replaceChildren();
  if (doc.contentType.startsWith('image/')) {
    const img = el('img');
    img.src = url;
    img.alt = `${doc.fileName} のプレビュー`;
    box.append(img);
  } else {
    window.open(url, '_blank', 'noopener');
    box.textContent = 'PDFを別のタブで開きました。';
  }
}

/** Announces a change to screen readers (rows added or removed, saved, …). */
export function announce(text) {
  let live = document.getElementById('sr-announce');
  if (!live) {
    live = el('p', { id: 'sr-announce', className: 'sr-only' });
    live.setAttribute('aria-live', 'polite');
    document.body.append(live);
  }
  live.textContent = '';
  setTimeout(() => { live.textContent = text; }, 50);
}

/** The groups in the signed-in member's ID token (for showing the secretariat's menu; the server checks again). */
export function groups() {
  try {
    const payload = JSON.parse(decodeURIComponent(escape(atob(session().idToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')))));
    const g = payload['cognito:groups'];
    return Array.isArray(g) ? g : typeof g === 'string' ? [g] : [];
  } catch {
    return [];
  }
}

/** A download (the Excel export) with the session's token; returns the Blob and the server's file name. */
export async function apiDownload(path) {
  const s = session();
  const r = await fetch('api/' + path, { headers: { Authorization: 'Bearer ' + s.idToken } });
  if (!r.ok) {
    const body = await r.json().catch(() => ({}));
    throw Object.assign(new Error(body.message ?? 'ダウンロードできませんでした。'), { status: r.status, code: body.code });
  }
  const cd = r.headers.get('content-disposition') ?? '';
  const m = cd.match(/filename\*=UTF-8''([^;]+)/);
  return { blob: await r.blob(), name: m ? decodeURIComponent(m[1]) : 'export.csv' };
}

/** Sends a file's bytes as they are (a Shift_JIS CSV must not be re-encoded). */
export async function apiUpload(path, file) {
  const s = session();
  const r = await fetch('api/' + path, { method: 'POST', body: file,
    headers: { Authorization: 'Bearer ' + s.idToken, 'Content-Type': 'application/octet-stream' } });
  const body = await r.json().catch(() => ({ message: 'サーバーから応答がありませんでした。' }));
  if (!r.ok) throw Object.assign(new Error(body.message), { status: r.status, code: body.code });
  return body;
}
