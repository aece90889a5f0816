import { normalize, saveSession, session, localClockBanner } from './app.js';

const reasons = { expired: 'ログインの有効期限が切れました。もう一度ログインしてください。',
                  login: 'ログインしてからご利用ください。' };
const reason = new URLSearchParams(location.search).get('reason');
if (reasons[reason]) { const p = document.getElementById('reason'); p.textContent = reasons[reason]; p.hidden = false; }
if (session() && !reason) location.href = 'mypage.html';
localClockBanner();

const form = document.getElementById('login');
const error = document.getElementById('error');
const button = document.getElementById('submit');
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  error.textContent = '';
  const userId = normalize(form.userId.value);
  const password = form.password.value;
  if (!userId) { error.textContent = 'ユーザーID（メールアドレスもしくは会員番号）を入力してください。'; form.userId.focus(); return; }
  if (!password) { error.textContent = 'パスワードを入力してください。'; form.password.focus(); return; }
  button.disabled = true;
  button.textContent = 'ログインしています…';
  try {
    const r = await fetch('api/auth/login', { method: 'POST', headers: { 'Content-Type': 'application/json' },
                                             body: JSON.stringify({ userId, password }) });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new Error(body.message || 'ログインできませんでした。時間をおいて再度お試しください。');
    saveSession(body);
    location.href = 'mypage.html';
  } catch (err) {
    error.textContent = err.message.startsWith('Failed') ? '通信できませんでした。接続を確認して再度お試しください。' : err.message;
    button.disabled = false;
    button.textContent = 'ログインする';
  }
});
