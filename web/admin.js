// 事務局メニュー: lists with counts, one application with its documents, Excel export, windows, member import, audit.
import { api, apiUpload, startSession, localClockBanner, $, el } from './app.js';

const td = (text) => el('td', { textContent: text ?? '' });
let cursor = null;
// SES reported these after sending (bounce / complaint events)
const MAIL_PROBLEM = { BOUNCED: '不達（届きませんでした・要確認）', COMPLAINED: '迷惑メール報告あり' };
const ACTIONS = { WINDOWS_CHANGED: '受付期間の変更', MEMBERS_IMPORTED: '会員データ取込', FACILITIES_IMPORTED: '研修施設取込', SUPERVISORS_IMPORTED: '指導者取込', WINDOW_OPEN: '受付開始', WINDOW_CLOSED: '受付終了', WINDOW_BEFORE: '受付前',
  // applicants' and the review's records: Japanese labels, never the stored code
  SUBMITTED: '申請', DEADLINE_EXTENDED: '個別の期限延長', REOPENED: '差し戻し（再申請の受付）', CONFIRMED_JULY: '7月実績の報告を受領',
  CONFIRMED_DUES: '会費の入金を確認', MAIL_RESENT: '確認メールの再送', DOCUMENTS_VIEWED: '提出書類の閲覧', REVIEW_MARKED: '書類審査（項目の確認・不備）',
  REVIEW_RETURNED: '差し戻し（不備の修正依頼）', REVIEW_DECIDED: '判定（受理・不受理）' };

/** A stored record "<ISO instant> <who>：<note>" as people read it: the time in JST, no raw codes. */
const JST = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: '2-digit' });
function readable(record) {
  if (!record) return '';
  const m = /^(\d{4}-\d{2}-\d{2}T[^ ]+Z) (.*)$/.exec(record);
  return m ? `${JST.format(new Date(m[1]))} ${m[2]}` : record;
}
const ACTORS = { schedule: '（自動処理）' };

const JULY = { experience: '5年以上の緩和医療の臨床経験', training: '臨床研修修了証明書', achievements: '業績書',
  course: '緩和ケア研修会・指導者研修会（緩和ケア）の受講' };

function showTab(name) {
  document.querySelectorAll('[role=tab]').forEach((b) => b.setAttribute('aria-selected', String(b.dataset.tab === name)));
  document.querySelectorAll('[role=tabpanel]').forEach((p) => { p.hidden = p.id !== 'tab-' + name; });
}

function query(extra = {}) {
  const p = new URLSearchParams({ year: $('f-year').value, application: $('f-application').value, status: $('f-status').value, ...extra });
  return p.toString();
}

async function loadList(more) {
  $('error').textContent = '';
  try {
    const r = await api('admin/applications?' + query(more && cursor ? { cursor } : {}));
    const c = r.counts;
    if (c) $('counts').textContent = `全体 ${c.ALL}件（申請済 ${c.SUBMITTED}件・下書き ${c.DRAFT}件・未提出 ${c.NOT_SUBMITTED}件）`;
    const body = $('list').tBodies[0];
    if (!more) body.replaceChildren();
    for (const row of r.rows) {
      const tr = el('tr');
      tr.tabIndex = 0;
      tr.dataset.member = row.memberNo;
      tr.append(td(row.memberNo), td(row.name), td(row.statusLabel), td(row.receiptNo), td(row.submittedAtLabel),
        td(row.mailState === 'SENT' ? '送信済' : row.mailState === 'PENDING' ? '未送信（再送待ち）' : row.mailState === 'FAILED' ? '送信失敗（要再送）' : MAIL_PROBLEM[row.mailState] ?? ''));
      const open = () => showDetail(row.memberNo, row.extendedUntil);
      tr.addEventListener('click', open);
      tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
      body.append(tr);
    }
    cursor = r.nextCursor;
    $('more').hidden = !cursor;
  } catch (e) {
    $('error').textContent = e.status === 403 ? '事務局のアカウントでログインしてください。' : e.message;
  }
}

async function showDetail(memberNo, extendedUntil) {
  const box = $('detail');
  box.hidden = false;
  box.textContent = '読み込み中…';
  try {
    const d = await api(`admin/applications/${$('f-application').value}/${memberNo}?year=${$('f-year').value}`);
    box.replaceChildren();
    const h = el('h2', { textContent: `${d.member.name}（${d.member.memberNo}）${d.label}` });
    const info = el('table');
    info.className = 'info';
    const add = (k, v) => { const tr = el('tr'); tr.append(el('th', { textContent: k }), td(v)); info.append(tr); };
    add('状態', d.statusLabel);
    add('受付番号', d.receiptNo);
    add('受付日時', d.submittedAtLabel);
    add('メールアドレス', d.member.email);
    if (extendedUntil) add('個別の期限', `${extendedUntil.replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')} 23:59（日本時間）`);
    if (d.preferences) add('筆記試験受験希望地', d.preferences.filter(Boolean).join('、') || (d.member.writtenExamExempt ? '（筆記試験免除）' : ''));
    if (d.july) add('7月実績見込み', Object.entries(d.july).filter(([, v]) => v).map(([k]) => JULY[k] ?? k).join('、') || 'なし');
    if ('duesInProcess' in d) add('会費 手続き中', d.duesInProcess ? 'あり（要確認）' : '');
    const docs = el('ul');
    docs.className = 'files';
    for (const doc of d.documents) {
      const li = el('li');
      const a = el('a', { href: doc.url, target: '_blank', rel: 'noopener', textContent: `${doc.purposeLabel}：${doc.fileName}` });
      li.append(a, el('span', { className: 'hint', textContent: ` SHA-256 ${doc.sha256.slice(0, 12)}…` }));
      if (doc.contentType.startsWith('image/')) li.append(el('img', { src: doc.url, alt: doc.fileName, className: 'doc-thumb' }));
      docs.append(li);
    }
    const review = el('button', { type: 'button', className: 'small', id: 'open-review',
      textContent: '書類審査の画面で開く（申請内容・書類・審査）' });
    review.addEventListener('click', () => document.dispatchEvent(new CustomEvent('nintei:open-review',
      { detail: { application: d.application, memberNo } })));
    box.append(h, review, info, el('h3', { textContent: '提出書類（リンクは5分間有効）' }), docs,
      actionsFor(d, memberNo));
    box.scrollIntoView({ block: 'start' });
  } catch (e) {
    box.textContent = e.message;
  }
}

/** 期限延長・差し戻し・確認・再送: each asks for what it needs and reports in Japanese. */
function actionsFor(d, memberNo) {
  const wrap = el('div');
  wrap.append(el('h3', { textContent: '事務局の操作' }));
  const status = el('p', { className: 'saved', id: 'action-status' });
  status.setAttribute('role', 'status');
  const run = async (action, body, done) => {
    try {
      await api(`admin/applications/${d.application}/${memberNo}/${action}`, { method: 'POST', body: JSON.stringify({ year: $('f-year').value, ...body }) });
      status.textContent = done;
      loadList(false);
    } catch (e) {
      status.textContent = e.message;
    }
  };
  const form = (label, fields, action, done, fixed = {}) => {
    const f = el('form');
    f.className = 'filters';
    f.setAttribute('aria-label', label);
    const inputs = fields.map(([name, type, text]) => {
      const i = el('input', { type, name });
      const l = el('label', { textContent: text });
      l.append(el('br'), i);
      f.append(l);
      return i;
    });
    f.append(el('button', { type: 'submit', className: 'small', textContent: label }));
    f.addEventListener('submit', (e) => {
      e.preventDefault();
      run(action, { ...fixed, ...Object.fromEntries(inputs.map((i) => [i.name, i.value])) }, done);
    });
    return f;
  };
  wrap.append(
    form('期限を延長する', [['until', 'date', '延長後の期限（この日の23:59まで）'], ['reason', 'text', '理由（記録されます）']], 'extension', '期限を延長しました。'),
    d.status === 'SUBMITTED' ? form('差し戻す（修正依頼）', [['until', 'date', '修正の期限'], ['reason', 'text', '理由（申請者にメールで伝わります）']], 'reopen', '差し戻し、申請者にメールしました。') : '',
    form('会費の入金を確認した', [['note', 'text', 'メモ']], 'confirm', '確認を記録しました。', { what: 'dues' }),
    form('7月実績の報告を受領した', [['note', 'text', 'メモ']], 'confirm', '確認を記録しました。', { what: 'july' }));
  if (d.status === 'SUBMITTED') {
    const resend = el('button', { type: 'button', className: 'small', textContent: '確認メールを再送する' });
    resend.addEventListener('click', () => run('resend-mail', {}, '確認メールを再送しました。'));
    wrap.append(resend);
  }
  wrap.append(status);
  return wrap;
}

async function loadFollowUps() {
  const r = await api(`admin/followups?year=${$('f-year').value}&application=${$('fu-application').value}`);
  $('followups').tBodies[0].replaceChildren(...r.rows.map((x) => {
    const tr = el('tr');
    const july = x.july ? Object.entries({ achievements: '業績書', course: '受講', experience: '臨床経験', training: '臨床研修' })
      .filter(([k]) => x.july[k]).map(([, v]) => v).join('、') : '';
    tr.append(td(x.memberNo), td(x.name), td(july), td(x.duesInProcess ? '手続き中' : ''),
      td(x.mailState === 'PENDING' ? '未送信' : x.mailState === 'FAILED' ? '送信失敗' : MAIL_PROBLEM[x.mailState] ?? '送信済'),
      td([x.confirmedJuly && `7月実績 ${readable(x.confirmedJuly)}`, x.confirmedDues && `会費 ${readable(x.confirmedDues)}`].filter(Boolean).join(' / ')));
    return tr;
  }));
}

// The CSV is built into S3 (any number of rows) and downloaded through a five-minute link; while it builds,
// the page polls the job it named and shows how far it is.
async function exportCsv() {
  const id = crypto.randomUUID();
  const status = $('export-status');
  const button = $('export');
  $('error').textContent = '';
  status.textContent = 'CSVを作成しています…';
  button.disabled = true;
  let finished = false;
  (async () => {
    while (!finished) {
      await new Promise((r) => setTimeout(r, 1000));
      if (finished) return;
      try {
        const j = await api('admin/exports/' + id);
        if (!finished && j.status === 'BUILDING') {
          status.textContent = `CSVを作成しています…（${j.stage}${j.total ? ` ${j.done.toLocaleString()} / ${j.total.toLocaleString()}件` : j.done ? ` ${j.done.toLocaleString()}件` : ''}）`;
        }
      } catch { /* not recorded yet: ask again */ }
    }
  })();
  try {
    const j = await api('admin/exports', { method: 'POST',
      body: JSON.stringify({ id, year: $('f-year').value, application: $('f-application').value }) });
    finished = true;
    if (j.status !== 'READY') throw new Error(j.message ?? 'CSVを作成できませんでした。時間をおいて、もう一度お試しください。');
    const size = j.bytes < 1024 * 1024 ? `${Math.max(1, Math.ceil(j.bytes / 1024))} KB` : `${(j.bytes / 1024 / 1024).toFixed(1)} MB`;
    status.textContent = `${j.rows.toLocaleString()}件のCSV（${size}）を作成しました。ダウンロードが始まらないときは `;
    const link = el('a', { href: j.url, textContent: 'こちら（5分間有効）', download: j.fileName });
    status.append(link, 'をクリックしてください。');
    link.click();
  } catch (e) {
    finished = true;
    status.textContent = '';
    $('error').textContent = e.message;
  } finally {
    button.disabled = false;
  }
}

async function loadWindows() {
  let w;
  try {
    w = await api('admin/windows/' + $('w-year').value);
  } catch (e) {
    $('windows-saved').textContent = e.message;
    return;
  }
  for (const k of ['primary', 'secondary', 'renewal']) {
    $(k + 'Opens').value = w[k].opens;
    $(k + 'Closes').value = w[k].closes;
  }
}

async function saveWindows(e) {
  e.preventDefault();
  const body = {};
  for (const k of ['primaryOpens', 'primaryCloses', 'secondaryOpens', 'secondaryCloses', 'renewalOpens', 'renewalCloses']) body[k] = $(k).value;
  try {
    const w = await api('admin/windows/' + $('w-year').value, { method: 'PUT', body: JSON.stringify(body) });
    $('windows-saved').textContent = `保存しました。一次：${w.primary.label} / 二次：${w.secondary.label}`;
  } catch (err) {
    $('windows-saved').textContent = err.message;
  }
}

async function runImport() {
  const file = $('import-file').files[0];
  const out = $('import-report');
  if (!file) { out.textContent = 'CSVファイルを選んでください。'; return; }
  out.textContent = '取り込んでいます…';
  try {
    const kind = $('import-kind').value;
    const r = await apiUpload('admin/imports/' + kind, file);
    const detail = kind === 'members' ? `（更新 ${r.updated}・変更なし ${r.unchanged}・ログインアカウント作成待ち ${r.accountsQueued}：1分ごとに順次作成されます）` : '';
    out.replaceChildren(el('p', {
      textContent: `文字コード：${r.encoding}／${r.rows}行中 ${r.accepted}行を取り込みました${detail}。エラー ${r.rejected.length}行。` }));
    if (r.rejected.length) {
      const t = el('table');
      t.className = 'list';
      t.id = 'import-errors';
      t.innerHTML = '<thead><tr><th>行</th><th>理由</th></tr></thead>';
      const tb = el('tbody');
      for (const x of r.rejected) { const tr = el('tr'); tr.append(td(String(x.line)), td(x.reason)); tb.append(tr); }
      t.append(tb);
      out.append(t);
    }
  } catch (e) {
    out.textContent = e.message;
  }
}

async function loadAudit(e) {
  e?.preventDefault();
  const p = new URLSearchParams();
  if ($('a-member').value) p.set('memberNo', $('a-member').value);
  else if ($('a-date').value) p.set('date', $('a-date').value);
  let r;
  try {
    r = await api('admin/audit?' + p);
  } catch (err) {
    $('error').textContent = err.message;
    return;
  }
  $('audit').tBodies[0].replaceChildren(...r.entries.map((x) => {
    const tr = el('tr');
    tr.append(td(x.atLabel), td(ACTORS[x.actor] ?? x.actor), td(ACTIONS[x.action] ?? 'その他の操作'), td(x.memberNo), td(x.before), td(x.after));
    return tr;
  }));
}

startSession();
const now = new Date();
$('f-year').value = now.getFullYear();
$('w-year').value = now.getFullYear();
document.querySelectorAll('[role=tab]').forEach((b) => b.addEventListener('click', () => showTab(b.dataset.tab)));
$('filters').addEventListener('submit', (e) => { e.preventDefault(); cursor = null; loadList(false); });
$('more').addEventListener('click', () => loadList(true));
$('export').addEventListener('click', exportCsv);
$('w-load').addEventListener('click', loadWindows);
$('windows-form').addEventListener('submit', saveWindows);
$('import-run').addEventListener('click', runImport);
$('audit-form').addEventListener('submit', loadAudit);
$('fu-load').addEventListener('click', () => loadFollowUps().catch((e) => { $('error').textContent = e.message; }));
localClockBanner(() => loadList(false));
loadList(false);
loadWindows().catch(() => {});
