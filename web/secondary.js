// 専門医新規申請（二次申請）: ② requirements, ③ four sections each saved with 登録, July boxes, review, submit.
// The server checks every rule again; this page arranges the input and shows what the server understood.
import { api, startSession, localClockBanner, uploadDocument, previewDocument, announce, $, el } from './app.js';
import { fillDone, submitApplication } from './submit-view.js';
import { unsavedStore, warnBeforeLeaving, markFieldErrors, clearFieldErrors } from './form-care.js';

const APP = new URLSearchParams(location.search).get('kind') === 'transition' ? 'transition-secondary' : 'new-secondary';
const BASE = `applications/${APP}`;
let state;
let open = null;       // the section whose panel is shown
let draft = null;      // the panel's working copy
let dirty = false;     // the panel holds input not yet 登録 (kept on the device, warned before leaving)
let uploading = false; // a file is being uploaded: the file inputs wait
const unsaved = (name) => unsavedStore(state.applicant.memberNo, APP, name);
warnBeforeLeaving(() => dirty || uploading);

const SECTION_NAMES = { resume: '1', training: '2', achievements: '3', identity: '4' };
const LISTS = [['education', '学歴', '大学入学から暦年順に記入して下さい'], ['career', '職歴', ''], ['qualifications', 'その他の資格・免許', '']];

function show(id, focusTarget) {
  for (const x of ['top', 'panel', 'review', 'done']) $(x).hidden = x !== id;
  $(id).scrollIntoView({ block: 'start' });
  // keyboard and screen-reader users continue where the new step begins (or at the row they came from)
  const target = focusTarget ?? $(id).querySelector('h2, .stamp');
  if (target) {
    if (!target.matches('button, a, input, select')) target.tabIndex = -1;
    target.focus({ preventScroll: focusTarget == null });
  }
}

async function load(stay) {
  $('error').textContent = '';
  document.querySelector('main > h2').textContent = APP === 'transition-secondary' ? '専門医移行申請（二次申請）' : '専門医新規申請（二次申請）';
  try {
    state = await api(BASE);
  } catch (e) {
    $('error').textContent = e.message;
    return;
  }
  for (const [k, v] of Object.entries(state.applicant)) {
    const c = document.querySelector(`[data-field="${k}"]`);
    if (c) c.textContent = v ?? '';
  }
  if (state.status === 'SUBMITTED') return renderDone();
  renderTop();
  renderCorrection();
  if (!stay) show('top');
}

// ---------- top page
function renderTop() {
  $('window').textContent = state.window.open ? state.window.label : `受付期間外です。（${state.window.label}）`;
  const body = $('requirements').tBodies[0];
  body.replaceChildren(...state.requirements.map((r) => {
    const tr = el('tr');
    tr.dataset.requirement = r.id;
    const mark = el('td', { className: 'mark ' + (r.met ? 'ok' : 'ng'), textContent: r.met ? '✓' : '×' });
    mark.setAttribute('aria-label', r.met ? '満たしています' : '満たしていません');
    const detail = el('td', {}, el('strong', { textContent: `${r.number} ${r.label}` }), el('br'), el('span', { className: 'hint', textContent: r.detail }));
    if (r.id === 'DUES_PAID') {
      const box = el('input', { type: 'checkbox', checked: state.duesInProcess, id: 'dues' });
      box.addEventListener('change', () => saveTop());
      detail.append(el('br'), el('label', { htmlFor: 'dues', className: 'inline' }, box, ' 手続き中'));
    }
    tr.append(mark, detail);
    return tr;
  }));
  $('sections').replaceChildren(...Object.entries(state.sections).map(([name, s]) => {
    const badge = el('span', { className: 'badge ' + (s.complete ? 'done' : 'todo'), textContent: s.complete ? '登録済' : '未完了' });
    const button = el('button', { type: 'button', className: 'small', textContent: '入力する' });
    button.setAttribute('aria-label', `${s.label} を入力する`);
    button.addEventListener('click', () => openPanel(name));
    const row = el('div', { className: 'section-row' }, el('span', { textContent: s.label }), el('span', { className: 'inline' }, badge, button));
    row.dataset.section = name;
    return row;
  }));
  document.querySelectorAll('[data-july]').forEach((b) => {
    b.checked = Boolean(state.july[b.dataset.july]);
    b.disabled = !state.window.open;
  });
  $('problems').replaceChildren(...state.problems.map((p) => el('li', { textContent: p.message })));
  $('to-review').disabled = !state.canSubmit;
}

/**
 * The applicant's own deadline (個別の延長 or 修正期限) beside the window, and after a 差し戻し the itemised 不備:
 * only those sections can be changed (the server refuses the others too).
 */
function renderCorrection() {
  if (state.window.personalLabel) {
    $('window').textContent = `${state.window.personalLabel}（通常の${state.window.label}）`;
  }
  $('correction')?.remove();
  const c = state.correction;
  if (!c) return;
  const box = el('section', { className: 'card correction', id: 'correction' },
    el('h2', { textContent: '事務局からの修正依頼（差し戻し）' }),
    el('p', { className: 'error', textContent: `修正期限：${c.untilLabel}（日本時間）までに、次の項目を修正して、もう一度「申請」してください。` }));
  box.setAttribute('role', 'alert');
  box.append(el('ol', {}, ...c.items.map((i) => {
    const li = el('li', {}, el('strong', { textContent: i.label }), el('br'), el('span', { textContent: i.note }));
    li.dataset.section = i.section;
    return li;
  })), el('p', { className: 'hint', textContent: '修正を依頼された項目のほかは変更できません。' }));
  $('top').prepend(box);
  const open = new Set(c.openSections);
  document.querySelectorAll('#sections .section-row').forEach((row) => {
    const button = row.querySelector('button');
    if (open.has(row.dataset.section)) {
      row.querySelector('.badge').after(el('span', { className: 'badge todo', textContent: '修正依頼あり' }));
    } else {
      button.disabled = true;
      button.textContent = '変更できません';
      button.setAttribute('aria-label', `${state.sections[row.dataset.section].label} は修正の依頼がないため変更できません`);
    }
  });
  if (!open.has('requirements')) {
    document.querySelectorAll('[data-july]').forEach((b) => { b.disabled = true; });
    if ($('dues')) $('dues').disabled = true;
  }
}

async function saveTop() {
  const july = {};
  document.querySelectorAll('[data-july]').forEach((b) => { july[b.dataset.july] = b.checked; });
  try {
    const r = await api(BASE, { method: 'PUT', body: JSON.stringify({ version: state.version, duesInProcess: $('dues')?.checked ?? false, july }) });
    state.version = r.version;
    $('july-saved').textContent = '保存しました。';
    await load(true);
  } catch (e) {
    $('july-saved').textContent = e.message;
    if (e.code === 'STALE_VERSION') await load(true);
  }
}

// ---------- the section panels
function openPanel(name) {
  open = name;
  dirty = false;
  $('panel-status').textContent = '';
  draft = structuredClone(state.sections[name].data);
  $('panel-title').textContent = state.sections[name].label;
  renderPanel();
  showProblems(state.sections[name].problems, false);
  offerUnsaved(name);
  show('panel');
}

/** Input typed on this device and never 登録 (a reload, a closed tab, a panel left): offered back, never forced. */
function offerUnsaved(name) {
  const kept = unsaved(name).read();
  $('panel-restore').replaceChildren();
  $('panel-restore').hidden = true;
  if (!kept || JSON.stringify(kept) === JSON.stringify(state.sections[name].data)) return;
  const restore = el('button', { type: 'button', className: 'small', textContent: '入力内容を復元する' });
  const discard = el('button', { type: 'button', className: 'small', textContent: '破棄する' });
  restore.addEventListener('click', () => {
    draft = kept;
    dirty = true;
    renderPanel();
    $('panel-restore').hidden = true;
    announce('前回の入力内容を復元しました。内容を確認して「登録」を押してください。');
    $('panel-title').focus();
  });
  discard.addEventListener('click', () => { unsaved(name).drop(); $('panel-restore').hidden = true; $('panel-title').focus(); });
  $('panel-restore').append(el('span', { textContent: '「登録」されていない前回の入力内容がこの端末に残っています。' }), restore, discard);
  $('panel-restore').hidden = false;
}

/** The panel's input changed: kept on this device until 登録. */
function touched() {
  if (!open) return;
  dirty = true;
  unsaved(open).keep(draft);
}

/** Problems at their fields; those naming no field on the page at the top of the panel. */
function showProblems(problems, focus) {
  const rest = markFieldErrors($('panel-body'), problems, { focus });
  $('panel-problems').replaceChildren(...rest.map((p) => el('div', { textContent: p.message })));
  if (focus && rest.length && rest.length === problems.length) { $('panel-problems').tabIndex = -1; $('panel-problems').focus(); }
}

function leavePanel() {
  if (dirty && !confirm('「登録」していない入力内容があります。このままトップページに戻りますか？\n（入力内容はこの端末に一時保存され、次にこの項目を開いたときに復元できます）')) return;
  const from = open;
  dirty = false;
  open = null;
  show('top', document.querySelector(`[data-section="${from}"] button`));
}

function renderPanel() {
  const body = $('panel-body');
  body.replaceChildren();
  if (open === 'resume') renderResume(body);
  if (open === 'training') renderTraining(body);
  if (open === 'achievements') renderAchievements(body);
  if (open === 'identity') renderIdentity(body);
}

function input(value, label, onInput, props = {}) {
  const { field, ...rest } = props;
  const i = el('input', { type: 'text', value: value ?? '', ...rest });
  if (field) i.dataset.field = field;
  i.setAttribute('aria-label', label);
  i.addEventListener('input', () => onInput(i.value));
  return i;
}

function renderResume(body) {
  body.append(el('p', { className: 'hint', textContent: '1行目は入力必須です。年月日は「2024-01-01」の形式で入力して下さい（2024/1/1、2024年1月1日、平成・令和の年号も読み取ります）。3行以上必要な場合は「行を追加する」をクリックしてください。' }));
  for (const [list, label, hint] of LISTS) {
    const rows = draft[list] ?? (draft[list] = []);
    while (rows.length < 2) rows.push({ date: '', text: '' });
    const box = el('div', { className: 'rows' });
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', label);
    rows.forEach((r, i) => {
      const remove = el('button', { type: 'button', className: 'remove', textContent: '×' });
      remove.setAttribute('aria-label', `${label}の${i + 1}行目を削除`);
      remove.disabled = rows.length <= 2;
      remove.addEventListener('click', () => { rows.splice(i, 1); touched(); renderPanel(); announce(`${label}の${i + 1}行目を削除しました`); });
      const row = el('div', { className: 'row' },
        input(r.date, `${label} ${i + 1}行目 年月日`, (v) => { r.date = v; }, { placeholder: '例：2024-01-01', inputMode: 'numeric', field: `${list}[${i}].date` }),
        input(r.text, `${label} ${i + 1}行目`, (v) => { r.text = v; }, { className: 'text', placeholder: `${label}を入力してください`, field: `${list}[${i}].text` }),
        remove);
      if (/^\d{4}-\d{2}-\d{2}$/.test(r.date ?? '')) {
        const [y, m, d] = r.date.split('-').map(Number);
        row.append(el('span', { className: 'understood', textContent: `${y}年${m}月${d}日として登録` }));
      }
      box.append(row);
    });
    const add = el('button', { type: 'button', className: 'small', textContent: '行を追加する' });
    add.setAttribute('aria-label', `${label}に行を追加する`);
    add.addEventListener('click', () => {
      rows.push({ date: '', text: '' });
      touched();
      renderPanel();
      announce(`${label}に${rows.length}行目を追加しました`);
      document.querySelectorAll(`[aria-label="${label} ${rows.length}行目 年月日"]`)[0]?.focus();
    });
    body.append(el('h3', { textContent: `${label}（1行以上入力必須）` }), hint ? el('p', { className: 'hint', textContent: hint }) : '', box, add);
  }
  const years = input(draft.experienceYears, '緩和医療の臨床経験の年数（通算）', (v) => { draft.experienceYears = v; }, { inputMode: 'numeric', id: 'experienceYears', field: 'experienceYears' });
  years.classList.add('w-year');
  body.append(el('h3', { textContent: '緩和医療の臨床経験の年数（通算）（必須）' }), el('div', { className: 'inline' }, years, ' 年'),
    el('p', { className: 'hint', textContent: '7月までの見込みで5年を満たす場合は、7月までを含む年数を記入し、トップページの「5年以上の緩和医療の臨床経験」にチェックを入れてください。' }));
}

function search(kind, onChoose, field, owner = '') {
  const wrap = el('div');
  const q = el('input', { type: 'search', placeholder: kind === 'facilities' ? '施設名称または認定番号を入力' : '氏名・ふりがな・認定番号を入力' });
  q.setAttribute('aria-label', `${owner}${kind === 'facilities' ? '施設名称の検索' : '指導者の検索'}`);
  if (field) q.dataset.field = field;
  const button = el('button', { type: 'button', className: 'small', textContent: '検索' });
  button.setAttribute('aria-label', `${owner}${kind === 'facilities' ? '施設名称を検索する' : '指導者を検索する'}`);
  const results = el('div', { className: 'results', hidden: true });
  results.setAttribute('role', 'listbox');
  results.setAttribute('aria-label', `${owner}${kind === 'facilities' ? '施設名称の検索結果' : '指導者の検索結果'}`);
  let timer;
  let asked = null;   // the words whose results are shown or on their way: the same search twice draws once
  let pending = false;
  const run = async () => {
    const words = q.value;
    if (words === asked && (pending || !results.hidden)) return;
    asked = words;
    pending = true;
    let r;
    try {
      r = await api(`directory/${kind}?q=${encodeURIComponent(words)}`);
    } catch (e) {
      pending = false;
      results.hidden = false;
      results.replaceChildren(el('p', { className: 'hint', textContent: e.message }));
      return;
    }
    if (words !== asked) return; // a later search was started meanwhile: its answer is the one to show
    pending = false;
    results.hidden = false;
    results.replaceChildren(...(r.items.length ? r.items.map((x) => {
      const b = el('button', { type: 'button', textContent: kind === 'facilities'
        ? `${x.name}（${x.facilityNo}）｜${x.type}｜${x.period}` : `${x.name}（${x.kana}・${x.supervisorNo}）｜${x.qualification}｜${x.period}` });
      b.setAttribute('role', 'option');
      b.addEventListener('click', () => {
        results.hidden = true;
        onChoose(x);
        touched();
        // the panel was drawn again: focus goes to what was chosen, not back to the top of the page
        const chosen = field && document.querySelector(`[data-chosen="${field}"]`);
        if (chosen) { chosen.tabIndex = -1; chosen.focus(); }
        announce(`${x.name}を選択しました`);
      });
      return b;
    }) : [el('p', { className: 'hint', textContent: '該当がありません。2文字以上または認定番号で検索してください。' })]));
    announce(`${r.items.length}件見つかりました`);
  };
  q.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 250); });
  // a click runs the search now: the typing timer must not redraw the results under the pointer a moment later
  button.addEventListener('click', () => { clearTimeout(timer); run(); });
  wrap.append(el('div', { className: 'inline' }, q, button), results);
  return wrap;
}

function docChooser(purpose, currentId, onChange, accept, field, name = 'ファイル') {
  const docs = state.documents.filter((d) => d.purpose === purpose && d.status === 'REGISTERED');
  const wrap = el('div');
  // every uploaded file of the kind, with preview and × before and after 登録 (a wrong file must not stay)
  const list = el('ul', { className: 'files' });
  list.setAttribute('aria-label', `アップロード済みの${name}`);
  const listPreview = el('div', { className: 'preview' });
  for (const d of docs) {
    const view = el('button', { type: 'button', className: 'small', textContent: 'プレビュー' });
    view.setAttribute('aria-label', `${d.fileName} をプレビュー`);
    view.addEventListener('click', () => previewDocument(APP, d, listPreview).catch((e) => { $('panel-status').textContent = e.message; }));
    const remove = el('button', { type: 'button', className: 'remove', textContent: '×' });
    remove.setAttribute('aria-label', `${d.fileName} を削除`);
    remove.disabled = !state.window.open;
    remove.addEventListener('click', () => removeDocument(d, currentId, onChange));
    list.append(el('li', {}, el('span', { className: 'name', textContent: d.fileName }), el('span', { className: 'badge done', textContent: '登録済' }), view, remove));
  }
  if (docs.length) wrap.append(list, listPreview);
  if (docs.length) {
    const sel = el('select');
    sel.append(new Option('選択してください', ''), ...docs.map((d) => new Option(d.fileName, d.id)));
    sel.value = currentId ?? '';
    sel.addEventListener('change', () => onChange(sel.value || null));
    sel.setAttribute('aria-label', 'アップロード済みのファイルから選ぶ');
    wrap.append(sel);
  }
  const file = el('input', { type: 'file', accept });
  file.setAttribute('aria-label', `${name}のファイル選択`);
  if (field) file.dataset.field = field;
  file.disabled = uploading;
  const progress = $('panel-status');
  file.addEventListener('change', async () => {
    if (!file.files[0] || uploading) return;
    uploading = true;
    // one upload at a time: a second file chosen meanwhile would race the first for a one-file limit
    document.querySelectorAll('#panel-body input[type=file]').forEach((f) => { f.disabled = true; });
    try {
      const doc = await uploadDocument(APP, purpose, file.files[0], (pct) => { progress.textContent = `アップロード中… ${pct}%`; });
      // an upload changes the application (its version too): take the server's state, keep the panel's input
      const fresh = await api(BASE);
      state.version = fresh.version;
      state.documents = fresh.documents;
      progress.textContent = `${doc.fileName} を登録しました。`;
      onChange(doc.id);
      touched();
      uploading = false;
      renderPanel();
    } catch (e) {
      progress.textContent = e.message;
    } finally {
      uploading = false;
      document.querySelectorAll('#panel-body input[type=file]').forEach((f) => { f.disabled = false; });
    }
  });
  const chosen = state.documents.find((d) => d.id === currentId);
  if (chosen) {
    const p = el('button', { type: 'button', className: 'small', textContent: `プレビュー：${chosen.fileName}` });
    const box = el('div', { className: 'preview' });
    p.addEventListener('click', () => previewDocument(APP, chosen, box));
    wrap.append(p, box);
  }
  wrap.append(el('label', { className: 'dropzone' }, file, 'ドラッグ&ドロップ又は ', el('strong', { textContent: 'ファイル選択' })));
  return wrap;
}

/** What was chosen in a search; focusable, so focus lands here after a choice. */
function chosenText(field, text) {
  const p = el('p', { className: 'chosen', textContent: text });
  p.dataset.chosen = field;
  return p;
}

/** × of an uploaded file: asks, deletes on the server, and forgets it where this section used it. */
async function removeDocument(doc, currentId, onChange) {
  if (!confirm(`${doc.fileName} を削除しますか？`)) return;
  try {
    await api(`${BASE}/documents/${doc.id}`, { method: 'DELETE' });
    const fresh = await api(BASE);
    state.version = fresh.version;
    state.documents = fresh.documents;
    if (currentId === doc.id) { onChange(null); touched(); }
    renderPanel();
    $('panel-status').textContent = `${doc.fileName} を削除しました。`;
    announce(`${doc.fileName} を削除しました`);
  } catch (e) {
    $('panel-status').textContent = e.message;
  }
}

function renderTraining(body) {
  body.append(el('p', { className: 'hint', textContent: '研修期間2年間の間に指導者の認定資格が変更された場合、指導者の認定期間ごとに証明書の入力欄を分割してください（臨床研修修了証明書は1枚で問題ございません）。研修期間は6月まで（7月の見込みを含む場合は7月まで）を選んでください。' }));
  const entries = draft.entries ?? (draft.entries = []);
  if (!entries.length) entries.push({});
  entries.forEach((e, i) => {
    const box = el('div', { className: 'entry' });
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', `証明書${i + 1}`);
    const cat = el('select');
    cat.setAttribute('aria-label', `証明書${i + 1} 研修区分`);
    cat.dataset.field = `entries[${i}].category`;
    cat.append(new Option('選択してください', ''), ...state.options.categories.map((c) => new Option(c, c)));
    cat.value = e.category ?? '';
    cat.addEventListener('change', () => { e.category = cat.value || null; });
    const from = el('input', { type: 'month', value: e.from ?? '', max: state.options.lastMonthWithJuly });
    const to = el('input', { type: 'month', value: e.to ?? '', max: state.options.lastMonthWithJuly });
    from.setAttribute('aria-label', `証明書${i + 1} 研修期間 開始月`);
    to.setAttribute('aria-label', `証明書${i + 1} 研修期間 終了月`);
    from.dataset.field = `entries[${i}].period entries[${i}].from`;
    to.dataset.field = `entries[${i}].to`;
    from.addEventListener('change', () => { e.from = from.value; });
    to.addEventListener('change', () => { e.to = to.value; });
    const remove = el('button', { type: 'button', className: 'remove', textContent: '×' });
    remove.setAttribute('aria-label', `証明書${i + 1}を削除`);
    remove.addEventListener('click', () => { entries.splice(i, 1); touched(); renderPanel(); announce(`証明書${i + 1}を削除しました`); });
    box.append(el('div', { className: 'inline' }, el('strong', { textContent: `証明書${i + 1}` }), remove),
      el('label', { textContent: '研修区分（必須）' }), cat,
      el('label', { textContent: '施設名称（必須）' }),
      search('facilities', (x) => { Object.assign(e, { facilityNo: x.facilityNo, facilityFrom: x.validFrom, facilityType: x.type, facilityName: x.name, facilityPeriod: x.period }); renderPanel(); }, `entries[${i}].facility`, `証明書${i + 1} `),
      chosenText(`entries[${i}].facility`, e.facilityName ? `選択中の施設：${e.facilityName}（${e.facilityType}、${e.facilityPeriod}）` : ''),
      el('label', { textContent: '研修期間（必須）' }), el('div', { className: 'inline' }, from, '～', to),
      el('label', { textContent: '指導者（必須）' }),
      search('supervisors', (x) => { Object.assign(e, { supervisorNo: x.supervisorNo, supervisorFrom: x.validFrom, qualification: x.qualification, supervisorName: x.name, supervisorPeriod: x.period }); renderPanel(); }, `entries[${i}].supervisor`, `証明書${i + 1} `),
      chosenText(`entries[${i}].supervisor`, e.supervisorName ? `選択中の指導者：${e.supervisorName}（${e.qualification}、${e.supervisorPeriod}）` : ''),
      el('label', { textContent: '臨床研修修了証明書（PDF）（必須）' }),
      docChooser('TRAINING_CERTIFICATE', e.certificateId, (id) => { e.certificateId = id; }, '.pdf,application/pdf',
        `entries[${i}].certificateDocumentId entries[${i}].certificate`, `証明書${i + 1}の臨床研修修了証明書`));
    body.append(box);
  });
  const add = el('button', { type: 'button', className: 'small', textContent: '証明書を追加する' });
  add.addEventListener('click', () => { entries.push({}); touched(); renderPanel(); announce(`証明書${entries.length}を追加しました`); });
  body.append(add);
}

function renderAchievements(body) {
  body.append(el('p', { className: 'hint', textContent: '業績の写しはPDFでご用意ください。学会発表は2枚以内（大会情報のページ＋抄録本文）です。' }));
  const items = draft.items ?? (draft.items = []);
  if (!items.length) items.push({});
  items.forEach((a, i) => {
    const box = el('div', { className: 'entry' });
    box.setAttribute('role', 'group');
    box.setAttribute('aria-label', `業績${i + 1}`);
    const kind = el('select');
    kind.setAttribute('aria-label', `業績${i + 1} 種類`);
    kind.dataset.field = `items[${i}].kind`;
    kind.append(new Option('選択してください', ''), ...state.options.achievementKinds.map((k) => new Option(k.label, k.code)));
    kind.value = a.kind ?? '';
    kind.addEventListener('change', () => { a.kind = kind.value || null; touched(); renderPanel(); $('panel-body').querySelector(`[data-field="items[${i}].kind"]`)?.focus(); });
    const status = el('select');
    status.setAttribute('aria-label', `業績${i + 1} 掲載状況`);
    status.dataset.field = `items[${i}].status`;
    status.append(new Option('選択してください', ''), ...state.options.achievementStatuses.map((s) => new Option(s, s)));
    status.value = a.status ?? '';
    status.addEventListener('change', () => { a.status = status.value || null; });
    const remove = el('button', { type: 'button', className: 'remove', textContent: '×' });
    remove.setAttribute('aria-label', `業績${i + 1}を削除`);
    remove.addEventListener('click', () => { items.splice(i, 1); touched(); renderPanel(); announce(`業績${i + 1}を削除しました`); });
    const paper = a.kind && a.kind !== 'CONFERENCE_PRESENTATION';
    box.append(el('div', { className: 'inline' }, el('strong', { textContent: `業績${i + 1}` }), remove),
      el('label', { textContent: '種類' }), kind,
      el('label', { textContent: '題名' }), input(a.title, `業績${i + 1} 題名`, (v) => { a.title = v; }, { field: `items[${i}].title` }),
      el('label', { textContent: '著者・演者' }), input(a.authors, `業績${i + 1} 著者・演者`, (v) => { a.authors = v; }, { field: `items[${i}].authors` }),
      el('label', { textContent: a.kind === 'CONFERENCE_PRESENTATION' ? '大会名' : '掲載誌名・巻号・頁' }), input(a.venue, `業績${i + 1} 掲載誌・大会`, (v) => { a.venue = v; }, { field: `items[${i}].venue` }),
      el('label', { textContent: '発表・発行年月（例：2025-06）' }), input(a.date, `業績${i + 1} 発表・発行年月`, (v) => { a.date = v; }, { field: `items[${i}].date` }),
      paper ? el('label', { textContent: '掲載状況' }) : '', paper ? status : '',
      el('label', { textContent: '業績の写し（PDF）' }), docChooser('ACHIEVEMENT_COPY', a.copyId, (id) => { a.copyId = id; }, '.pdf,application/pdf', `items[${i}].copy`, `業績${i + 1}の写し`));
    body.append(box);
  });
  const add = el('button', { type: 'button', className: 'small', textContent: '業績を追加する' });
  add.addEventListener('click', () => { items.push({}); touched(); renderPanel(); announce(`業績${items.length}を追加しました`); });
  body.append(add);
}

function renderIdentity(body) {
  body.append(el('p', { className: 'hint', textContent: '医師免許・受講証は PDF/png/jpeg、受験用写真は png/jpeg（縦長、上下が正しい状態）でアップロードしてください。' }));
  const any = '.pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';
  body.append(el('h3', { textContent: '医師免許' }), docChooser('MEDICAL_LICENSE', draft.licenseId, (id) => { draft.licenseId = id; }, any, 'license', '医師免許'),
    el('h3', { textContent: '受講証（緩和ケア研修会・指導者研修会）' }), docChooser('COURSE_CERTIFICATE', draft.courseId, (id) => { draft.courseId = id; }, any, 'course', '受講証'),
    el('h3', { textContent: '受験用写真' }), docChooser('EXAM_PHOTO', draft.photoId, (id) => { draft.photoId = id; }, '.png,.jpg,.jpeg,image/png,image/jpeg', 'photo', '受験用写真'));
}

async function savePanel() {
  const button = $('panel-save');
  button.disabled = true;
  $('panel-problems').textContent = '';
  $('panel-result').textContent = '';
  clearFieldErrors($('panel-body'));
  try {
    const body = open === 'training' ? { entries: draft.entries } : open === 'achievements' ? { items: draft.items } : { ...draft };
    const r = await api(`${BASE}/sections/${open}`, { method: 'PUT', body: JSON.stringify({ ...body, version: state.version }) });
    state.version = r.version;
    dirty = false;
    unsaved(open).drop();
    await load(true);
    draft = structuredClone(state.sections[open].data);
    renderPanel();
    const s = state.sections[open];
    // the page stays where the applicant is: the new 登録済, the dates as understood and any problem at its row
    $('panel-result').replaceChildren(el('span', { className: 'badge ' + (s.complete ? 'done' : 'todo'), textContent: s.complete ? '登録済' : '未完了' }),
      ' ', s.complete ? '登録しました。「トップページに戻る」から次の項目に進めます。' : '登録しました。未完了の項目があります（各欄の下をご確認ください）。');
    showProblems(s.problems, !s.complete);
    if (s.complete) { $('panel-result').tabIndex = -1; $('panel-result').focus(); }
    announce(s.complete ? '登録しました。登録済です。' : '登録しました。未完了の項目があります。');
  } catch (e) {
    if (e.code === 'STALE_VERSION') {
      // another tab or device saved meanwhile: keep what was typed here, take the new version, say what to do
      const typed = draft;
      await load(true);
      draft = typed;
      renderPanel();
      $('panel-problems').replaceChildren(el('div', { textContent: '別の画面または端末でこの申請が更新されました。この画面で入力中の内容はそのまま残しています。内容を確認して、もう一度「登録」を押してください（この画面の内容で登録されます）。' }));
      $('panel-problems').tabIndex = -1;
      $('panel-problems').focus();
    } else {
      showProblems(e.problems?.length ? e.problems : [{ field: e.field, message: e.message }], true);
    }
  } finally {
    button.disabled = false;
  }
}

// ---------- review, submit, done
function renderReview() {
  const b = $('review-body');
  b.replaceChildren();
  for (const r of state.requirements) b.append(el('p', { textContent: `${r.number} ${r.label}：${r.met ? '✓' : '×'}${r.flagged ? '（手続き中）' : ''}` }));
  const res = state.sections.resume.data;
  for (const [list, label] of LISTS) {
    b.append(el('h3', { textContent: label }));
    for (const r of res[list] ?? []) if (r.date || r.text) b.append(el('p', { textContent: `${r.date} ${r.text}` }));
  }
  b.append(el('p', { textContent: `緩和医療の臨床経験の年数（通算）：${res.experienceYears}年` }));
  b.append(el('h3', { textContent: '臨床研修修了証明書' }));
  state.sections.training.data.entries.forEach((e, i) => b.append(el('p', { textContent: `証明書${i + 1}：${e.category} ${e.facilityName ?? ''} ${e.from}～${e.to} 指導者 ${e.supervisorName ?? ''}（${e.qualification ?? ''}）` })));
  b.append(el('h3', { textContent: '業績書' }));
  state.sections.achievements.data.items.forEach((a, i) => b.append(el('p', { textContent: `業績${i + 1}：${a.title}（${a.venue}、${a.date}）` })));
  b.append(el('h3', { textContent: 'ファイル' }));
  for (const d of state.documents.filter((x) => x.status === 'REGISTERED')) b.append(el('p', { textContent: `${d.fileName}` }));
  const july = Object.entries(state.july).filter(([, v]) => v).map(([k]) => ({ experience: '5年以上の緩和医療の臨床経験', training: '臨床研修修了証明書', achievements: '業績書', course: '緩和ケア研修会・指導者研修会（緩和ケア）の受講' })[k]);
  b.append(el('h3', { textContent: '7月時点の見込み実績を含むもの' }), el('p', { textContent: july.length ? july.join('、') : 'なし' }));
}

function renderDone() {
  fillDone(state);
  show('done');
}

function submit() {
  return submitApplication(BASE, state.version, { label: '申請する', reload: () => load(),
    onDone: (submitted) => { state = submitted; renderDone(); } });
}

startSession();
localClockBanner(() => load());
document.querySelectorAll('[data-july]').forEach((b) => b.addEventListener('change', saveTop));
$('panel-save').addEventListener('click', savePanel);
$('panel-close').addEventListener('click', leavePanel);
$('panel-body').addEventListener('input', () => touched());
$('panel-body').addEventListener('change', (e) => { if (e.target.matches('select, input[type=month]')) touched(); });
$('to-review').addEventListener('click', () => { renderReview(); show('review'); });
$('back').addEventListener('click', () => show('top'));
$('submit').addEventListener('click', submit);
load();
