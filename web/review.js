// 書類審査: the list with review states and search, one application on one screen with its documents inline,
// marks per section, 差し戻し with a 修正期限, what changed on resubmission, 受理・不受理, and the history.
import { api, $, el } from './app.js';

const td = (text) => el('td', { textContent: text ?? '' });
let offset = null;
let order = [];      // 会員番号 of the list, in its order: 前の申請 / 次の申請
let current = null;  // the screen shown

const year = () => $('f-year').value;
const application = () => $('r-application').value;

async function loadList(more) {
  $('error').textContent = '';
  const p = new URLSearchParams({ year: year(), application: application(), state: $('r-state').value, q: $('r-q').value });
  if (more && offset) p.set('offset', offset);
  let r;
  try {
    r = await api('admin/reviews?' + p);
  } catch (e) {
    $('error').textContent = e.message;
    return;
  }
  $('r-counts').textContent = `全体 ${r.all}件（` + Object.values(r.counts).map((c) => `${c.label} ${c.count}件`).join('・')
    + `）／表示 ${r.total}件`;
  const body = $('r-list').tBodies[0];
  if (!more) { body.replaceChildren(); order = []; }
  for (const row of r.rows) {
    const tr = el('tr', { tabIndex: 0 });
    tr.dataset.member = row.memberNo;
    tr.dataset.state = row.state;
    tr.append(td(row.memberNo), td(row.name), td(row.kana), td(row.stateLabel), td(row.receiptNo), td(row.submittedAtLabel),
      td(row.deadlineLabel));
    tr.addEventListener('click', () => openReview(row.memberNo));
    tr.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') openReview(row.memberNo);
      if (e.key === 'ArrowDown') { e.preventDefault(); tr.nextElementSibling?.focus(); }
      if (e.key === 'ArrowUp') { e.preventDefault(); tr.previousElementSibling?.focus(); }
    });
    body.append(tr);
    order.push(row.memberNo);
  }
  offset = r.nextOffset ?? null;
  $('r-more').hidden = !offset;
}

function neighbour(step) {
  const i = order.indexOf(current?.member.memberNo);
  const next = order[i + step];
  if (i >= 0 && next) openReview(next);
}

async function openReview(memberNo) {
  const box = $('review');
  box.hidden = false;
  box.textContent = '読み込み中…';
  try {
    current = await api(`admin/reviews/${application()}/${encodeURIComponent(memberNo)}?year=${year()}`);
  } catch (e) {
    box.textContent = e.message;
    return;
  }
  render(current);
  box.scrollIntoView({ block: 'start' });
  box.querySelector('h2')?.focus();
}

function render(d) {
  const box = $('review');
  box.replaceChildren();
  const h = el('h2', { tabIndex: -1, textContent: `${d.member.name}（${d.member.memberNo}）${d.label}` });
  const i = order.indexOf(d.member.memberNo);
  const prev = el('button', { type: 'button', className: 'small', textContent: '← 前の申請', disabled: i <= 0 });
  const next = el('button', { type: 'button', className: 'small', textContent: '次の申請 →', disabled: i < 0 || i >= order.length - 1 });
  prev.addEventListener('click', () => neighbour(-1));
  next.addEventListener('click', () => neighbour(1));
  const state = el('p', {}, el('strong', { textContent: `審査状態：${d.stateLabel}` }), `（申請の状態：${d.statusLabel}）`);
  state.id = 'review-state';

  const info = el('table', { className: 'info' });
  const add = (k, v) => { if (v !== undefined && v !== null && v !== '') info.append(el('tr', {}, el('th', { textContent: k }), td(v))); };
  add('ふりがな', d.member.kana);
  add('氏名', d.member.name);
  add('会員番号', d.member.memberNo);
  add('メールアドレス', d.member.email);
  add('受付番号', d.receiptNo);
  add('受付日時', d.submittedAtLabel && `${d.submittedAtLabel}（日本時間）`);
  if (d.personalDeadline) add(d.personalDeadline.kind, `${d.personalDeadline.label}（日本時間）`);

  box.append(el('div', { className: 'inline' }, prev, next), h, state, el('h3', { textContent: '申請者情報' }), info);
  if (d.request) box.append(requestBox(d));
  if (d.decision) {
    box.append(el('p', { className: d.decision.result === 'accepted' ? 'saved' : 'error', id: 'decision',
      textContent: `判定：${d.decision.label}${d.decision.reason ? '（' + d.decision.reason + '）' : ''} — ${d.decision.by}・${d.decision.atLabel}` }));
  }
  const docs = Object.fromEntries(d.documents.map((x) => [x.id, x]));
  for (const s of d.sections) box.append(sectionBox(d, s, docs));
  if (!d.decision && d.status === 'SUBMITTED') box.append(sendBackBox(d), decideBox(d));
  else if (!d.decision && correctionLapsed(d)) box.append(decideBox(d, true)); // the server checks the same rule
  box.append(historyBox(d));
  const status = el('p', { className: 'saved', id: 'review-status' });
  status.setAttribute('role', 'status');
  box.append(status);
}

function requestBox(d) {
  const r = d.request;
  return el('div', { className: 'notice', id: 'review-request' },
    el('strong', { textContent: `差し戻し（${r.atLabel}・${r.by}）修正期限：${r.untilLabel}` }),
    el('ol', {}, ...r.items.map((x) => el('li', { textContent: `${x.label}：${x.note}` }))));
}

/** One section as the applicant entered it, its documents inline, its mark and (after a resubmission) what changed. */
function sectionBox(d, s, docs) {
  const box = el('div', { className: 'sec ' + (s.mark?.verdict ?? '') });
  box.dataset.section = s.section;
  box.append(el('h3', { textContent: s.label + (s.mark ? `　【${s.mark.verdictLabel}】` : '　【未確認】') }));
  const shown = new Set();
  const viewer = (id, what) => {
    const doc = docs[id];
    if (!doc) return el('p', { className: 'error', textContent: `${what}：ファイルがありません` });
    if (shown.has(id)) return el('p', { className: 'hint', textContent: `${what}：${doc.fileName}（上に表示）` });
    shown.add(id);
    return docView(doc, what);
  };
  const content = el('div', { className: 'content' });
  switch (s.section) {
    case 'preferences': {
      const p = d.preferences ?? [];
      content.append(el('p', { textContent: d.member.writtenExamExempt && !p.some(Boolean) ? '筆記試験免除者（希望地なし）'
        : ['第一希望', '第二希望', '第三希望'].map((n, i) => `${n}：${p[i] || '（なし）'}`).join('　') }));
      break;
    }
    case 'receipt':
      for (const doc of d.documents.filter((x) => x.section === 'receipt')) content.append(viewer(doc.id, '申請料支払い控え'));
      break;
    case 'requirements': {
      const t = el('table', { className: 'info' });
      for (const r of d.requirements) t.append(el('tr', {}, el('th', { textContent: `${r.number} ${r.label}` }), td(`${r.mark}　${r.detail ?? ''}`)));
      content.append(t, el('p', { textContent: `7月実績見込み：${d.july.length ? d.july.join('、') : 'なし'}` }));
      break;
    }
    case 'resume': {
      for (const [k, label] of [['education', '学歴'], ['career', '職歴'], ['qualifications', 'その他の資格・免許']]) {
        const t = el('table', { className: 'info' });
        t.append(el('caption', { textContent: label }));
        for (const r of d.resume[k]) t.append(el('tr', {}, el('th', { textContent: r.date ?? '' }), td(r.text)));
        content.append(t);
      }
      content.append(el('p', { textContent: `緩和医療の臨床経験の年数（通算）：${d.resume.experienceYears ?? '（未入力）'}年` }));
      break;
    }
    case 'training':
      d.training.forEach((t, i) => {
        content.append(el('p', {}, el('strong', { textContent: `証明書${i + 1}　${t.category ?? ''}` }), el('br'),
          `施設：${t.facilityName ?? '（未選択）'}（${t.facilityType ?? ''}・認定期間 ${t.facilityPeriod ?? ''}）`, el('br'),
          `研修期間：${t.from ?? ''}～${t.to ?? ''}（${t.months ?? '-'}か月）`, el('br'),
          `指導者：${t.supervisorName ?? '（未選択）'}（${t.qualification ?? ''}・認定期間 ${t.supervisorPeriod ?? ''}）`),
        viewer(t.certificateId, `証明書${i + 1} 臨床研修修了証明書`));
      });
      break;
    case 'achievements':
      d.achievements.forEach((a, i) => {
        content.append(el('p', {}, el('strong', { textContent: `業績${i + 1}　${a.kind ?? ''}${a.status ? '（' + a.status + '）' : ''}` }), el('br'),
          `「${a.title ?? ''}」${a.authors ?? ''}／${a.venue ?? ''}／${a.date ?? ''}`), viewer(a.copyId, `業績${i + 1} 写し`));
      });
      break;
    case 'identity':
      content.append(viewer(d.identity.licenseId, '医師免許'), viewer(d.identity.courseId, '受講証'), viewer(d.identity.photoId, '受験用写真'));
      break;
    default:
  }
  box.append(content);
  if (s.change) {
    const diff = el('div', { className: 'diff notice' }, el('strong', { textContent: s.change.changed ? '差し戻し後の変更' : '差し戻し後の変更：なし' }));
    for (const l of s.change.removed ?? []) diff.append(el('div', { className: 'removed', textContent: '− ' + l }));
    for (const l of s.change.added ?? []) diff.append(el('div', { className: 'added', textContent: '＋ ' + l }));
    box.append(diff);
  }
  if (s.mark) {
    box.append(el('p', { className: 'hint', textContent: `${s.mark.verdictLabel}${s.mark.note ? '：' + s.mark.note : ''}（${s.mark.by}・${s.mark.atLabel}）` }));
  }
  if (!d.decision && d.status === 'SUBMITTED') box.append(markForm(d, s));
  return box;
}

function docView(doc, what) {
  const wrap = el('figure', {});
  wrap.dataset.document = doc.id;
  const link = el('a', { href: doc.url, target: '_blank', rel: 'noopener', textContent: `${what}：${doc.fileName}` });
  const cap = el('figcaption', {}, link, el('span', { className: 'hint', textContent: `　SHA-256 ${doc.sha256.slice(0, 12)}…（リンクは5分間有効）` }));
  const view = doc.contentType.startsWith('image/')
    ? el('img', { className: 'viewer', src: doc.url, alt: `${what}（${doc.fileName}）` })
    : el('iframe', { className: 'viewer', src: doc.url, title: `${what}（${doc.fileName}）` });
  wrap.append(cap, view);
  return wrap;
}

async function act(action, body, done) {
  const status = $('review-status');
  if (status) status.textContent = '送信しています…';
  try {
    await api(`admin/reviews/${current.application}/${current.member.memberNo}/${action}`,
      { method: 'POST', body: JSON.stringify({ year: String(current.year), reviewVersion: current.reviewVersion, ...body }) });
    const memberNo = current.member.memberNo;
    await openReview(memberNo);
    $('review-status').textContent = done;
    loadList(false);
  } catch (e) {
    if (status) status.textContent = e.message;
  }
}

function markForm(d, s) {
  const f = el('form', { className: 'markform' });
  f.setAttribute('aria-label', `${s.label} の審査`);
  const name = 'verdict-' + s.section;
  const ok = el('input', { type: 'radio', name, value: 'confirmed', checked: s.mark?.verdict === 'confirmed' });
  const ng = el('input', { type: 'radio', name, value: 'deficient', checked: s.mark?.verdict === 'deficient' });
  const note = el('textarea', { name: 'note', value: s.mark?.note ?? '', placeholder: '不備の内容（申請者への修正依頼になります）' });
  note.setAttribute('aria-label', `${s.label} の不備の内容`);
  f.append(el('label', { className: 'inline' }, ok, ' 確認済'), el('label', { className: 'inline' }, ng, ' 不備'), note,
    el('button', { type: 'submit', className: 'small', textContent: '記録する' }));
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    const verdict = ok.checked ? 'confirmed' : ng.checked ? 'deficient' : '';
    act('mark', { section: s.section, verdict, note: note.value }, `${s.label}を記録しました。`);
  });
  return f;
}

function sendBackBox(d) {
  const items = d.sections.filter((s) => s.mark?.verdict === 'deficient');
  const f = el('form', { className: 'sec', id: 'send-back' });
  f.append(el('h3', { textContent: '差し戻し（不備の修正依頼）' }),
    items.length ? el('ol', {}, ...items.map((s) => el('li', { textContent: `${s.label}：${s.mark.note}` })))
      : el('p', { className: 'hint', textContent: '「不備」の項目はありません。' }));
  const until = el('input', { type: 'date', name: 'until' });
  f.append(el('label', {}, '修正期限（この日の23:59まで）', el('br'), until),
    el('button', { type: 'submit', className: 'small', textContent: '差し戻して申請者にメールする', disabled: !items.length }));
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    act('send-back', { until: until.value }, '差し戻し、申請者にメールしました。');
  });
  return f;
}

/** Sent back, not resubmitted, and the 修正期限 (its last day, JST) is over: only 不受理 remains. */
function correctionLapsed(d) {
  if (d.state !== 'RETURNED' || d.status === 'SUBMITTED' || !d.request?.until) return false;
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date()); // YYYY-MM-DD in JST
  return today > d.request.until;
}

function decideBox(d, lapsed = false) {
  const f = el('form', { className: 'sec', id: 'decide' });
  const accepted = el('input', { type: 'radio', name: 'result', value: 'accepted', disabled: lapsed });
  const rejected = el('input', { type: 'radio', name: 'result', value: 'rejected', checked: lapsed });
  const reason = el('textarea', { name: 'reason', placeholder: '理由（不受理は必須・記録されます）' });
  reason.setAttribute('aria-label', '判定の理由');
  f.append(el('h3', { textContent: '判定' }),
    lapsed ? el('p', { className: 'hint', textContent: `修正期限（${d.request.untilLabel}）までに再申請がありませんでした。不受理とする場合は理由を入力してください。` }) : '',
    el('label', { className: 'inline' }, accepted, ' 受理'),
    el('label', { className: 'inline' }, rejected, ' 不受理'), reason,
    el('button', { type: 'submit', className: 'small', textContent: '判定を記録する' }));
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    const result = accepted.checked ? 'accepted' : rejected.checked ? 'rejected' : '';
    act('decide', { result, reason: reason.value }, '判定を記録しました。');
  });
  return f;
}

function historyBox(d) {
  const t = el('table', { className: 'list', id: 'review-history' });
  t.append(el('caption', { textContent: '履歴（日本時間）' }),
    el('thead', {}, el('tr', {}, el('th', { textContent: '日時' }), el('th', { textContent: '操作' }), el('th', { textContent: '操作者' }), el('th', { textContent: '内容' }))));
  const b = el('tbody');
  for (const x of [...d.history].reverse()) b.append(el('tr', {}, td(x.atLabel), td(x.event), td(x.by), td(x.note)));
  t.append(b);
  return t;
}

// 申請一覧's detail hands an application over to the review screen
document.addEventListener('nintei:open-review', (e) => {
  $('r-application').value = e.detail.application;
  $('r-q').value = '';
  document.querySelector('[data-tab="reviews"]').click();
  openReview(e.detail.memberNo);
});
$('r-filters').addEventListener('submit', (e) => { e.preventDefault(); offset = null; loadList(false); });
$('r-more').addEventListener('click', () => loadList(true));
document.querySelector('[data-tab="reviews"]').addEventListener('click', () => loadList(false));
document.addEventListener('keydown', (e) => {
  if ($('tab-reviews').hidden || !current || !e.altKey) return;
  if (e.key === 'ArrowLeft') { e.preventDefault(); neighbour(-1); }
  if (e.key === 'ArrowRight') { e.preventDefault(); neighbour(1); }
});
