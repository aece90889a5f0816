import { normalize, saveSession, session, localClockBanner, $ } from './app.js';

// 「ログイン情報を保存する」: the user ID only, on this device; the password is never stored by this page
const REMEMBER_KEY = 'nintei.rememberedUserId';
const POLICY = 'パスワードは8文字以上で、数字を1文字以上含めてください（半角英数字・記号）。';
const OFFLINE = '通信できませんでした。接続を確認して再度お試しください。';

const reasons = { expired: 'ログインの有効期限が切れました。もう一度ログインしてください。',
                  login: 'ログインしてからご利用ください。' };
const reason = new URLSearchParams(location.search).get('reason');
if (reasons[reason]) { const p = $('reason'); p.textContent = reasons[reason]; p.hidden = false; }
if (session() && !reason) location.href = 'mypage.html';
localClockBanner();

const cards = { login: $('login-card'), newPassword: $('new-password-card'), forgot: $('forgot-card') };
function show(name) {
  for (const [k, el] of Object.entries(cards)) el.hidden = k !== name;
  const first = cards[name].querySelector('input:not([type=checkbox]):not([hidden])');
  if (first) first.focus();
}

async function post(path, body) {
  let r;
  try {
    r = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  } catch {
    throw new Error(OFFLINE);
  }
  const json = await r.json().catch(() => ({}));
  if (!r.ok) {
    const e = new Error(json.message || 'うまくいきませんでした。時間をおいて再度お試しください。');
    e.field = json.field;
    throw e;
  }
  return json;
}

/** Local check of the pool's policy (the server checks again): the member reads why before sending. */
function passwordProblem(p, again) {
  if (!p) return '新しいパスワードを入力してください。' + POLICY;
  if (p.length < 8) return 'パスワードが短すぎます。' + POLICY;
  if (!/[0-9]/.test(p)) return 'パスワードに数字が含まれていません。' + POLICY;
  if (/[^\x21-\x7e]/.test(p)) return 'パスワードに使えない文字（全角文字や空白）が含まれています。' + POLICY;
  if (p !== again) return '確認のために入力したパスワードが一致しません。同じパスワードを2回入力してください。';
  return null;
}

function busy(button, text) {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = text;
  return () => { button.disabled = false; button.textContent = label; };
}

// ---- ログイン
const form = $('login');
const error = $('error');
const remember = $('remember');
const remembered = localStorage.getItem(REMEMBER_KEY);
if (remembered) { form.userId.value = remembered; remember.checked = true; }

let challenge = null; // the first-password step: { username, session }
form.addEventListener('submit', async (e) => {
  e.preventDefault();
  error.textContent = '';
  $('done').hidden = true;
  const userId = normalize(form.userId.value);
  const password = form.password.value;
  if (!userId) { error.textContent = 'ユーザーID（メールアドレスもしくは会員番号）を入力してください。'; form.userId.focus(); return; }
  if (!password) { error.textContent = 'パスワードを入力してください。'; form.password.focus(); return; }
  const done = busy($('submit'), 'ログインしています…');
  try {
    const body = await post('api/auth/login', { userId, password });
    if (remember.checked) localStorage.setItem(REMEMBER_KEY, userId); else localStorage.removeItem(REMEMBER_KEY);
    if (body.challenge === 'NEW_PASSWORD_REQUIRED') {
      challenge = { username: body.username, session: body.session };
      form.password.value = '';
      $('new-password-policy').textContent = body.policy || POLICY;
      done();
      show('newPassword');
      return;
    }
    saveSession(body);
    location.href = 'mypage.html';
  } catch (err) {
    error.textContent = err.message;
    done();
  }
});

// ---- パスワードを設定してください (first sign-in)
const np = $('new-password');
np.addEventListener('submit', async (e) => {
  e.preventDefault();
  const out = $('new-password-error');
  out.textContent = '';
  const problem = passwordProblem(np.newPassword.value, np.newPassword2.value);
  if (problem) { out.textContent = problem; np.newPassword.focus(); return; }
  const done = busy($('new-password-submit'), '設定しています…');
  try {
    const tokens = await post('api/auth/new-password', { ...challenge, password: np.newPassword.value });
    saveSession(tokens);
    location.href = 'mypage.html';
  } catch (err) {
    out.textContent = err.message;
    done();
  }
});

// ---- パスワードをお忘れの方はこちら
const forgot = $('forgot');
const reset = $('reset');
let forgotUserId = '';
$('forgot-link').addEventListener('click', (e) => {
  e.preventDefault();
  forgot.userId.value = normalize(form.userId.value);
  forgot.hidden = false;
  reset.hidden = true;
  show('forgot');
});
$('back-to-login').addEventListener('click', (e) => { e.preventDefault(); show('login'); });

async function requestCode() {
  const out = $('forgot-error');
  out.textContent = '';
  forgotUserId = normalize(forgot.userId.value);
  if (!forgotUserId) { out.textContent = 'ユーザーID（メールアドレスもしくは会員番号）を入力してください。'; forgot.userId.focus(); return; }
  const done = busy($('forgot-submit'), '送信しています…');
  try {
    const body = await post('api/auth/password/forgot', { userId: forgotUserId });
    $('reset-sent').textContent = body.message;
    $('reset-policy').textContent = body.policy || POLICY;
    forgot.hidden = true;
    reset.hidden = false;
    reset.code.focus();
  } catch (err) {
    out.textContent = err.message;
  } finally {
    done();
  }
}
forgot.addEventListener('submit', (e) => { e.preventDefault(); requestCode(); });
$('resend-code').addEventListener('click', () => { forgot.hidden = false; reset.hidden = true; requestCode(); });

reset.addEventListener('submit', async (e) => {
  e.preventDefault();
  const out = $('reset-error');
  out.textContent = '';
  const code = normalize(reset.code.value);
  if (!/^[0-9]{6}$/.test(code)) { out.textContent = 'メールに記載の6桁の確認コード（半角数字）を入力してください。'; reset.code.focus(); return; }
  const problem = passwordProblem(reset.resetPassword.value, reset.resetPassword2.value);
  if (problem) { out.textContent = problem; reset.resetPassword.focus(); return; }
  const done = busy($('reset-submit'), '設定しています…');
  try {
    const body = await post('api/auth/password/reset', { userId: forgotUserId, code, password: reset.resetPassword.value });
    reset.reset();
    form.userId.value = forgotUserId;
    form.password.value = '';
    const p = $('done');
    p.textContent = body.message;
    p.hidden = false;
    show('login');
    form.password.focus();
  } catch (err) {
    out.textContent = err.message;
  } finally {
    done();
  }
});
