// The organisers' dashboard: a Teams tab (personal or channel) or a browser page on loopback with
// the development identity. Figures come from /api/campaigns/{id}/dashboard, counted by the database;
// the page polls it so that answers appear by themselves.
import { setTheme } from '/lib/fluentui-web-components/web-components-all.min.js';
import { teamsLightTheme, teamsDarkTheme, teamsHighContrastTheme } from '/lib/fluentui-tokens/lib/index.js';

const texts = JSON.parse(document.getElementById('texts').textContent);
const groups = JSON.parse(document.getElementById('groups').textContent);
const lang = document.documentElement.lang;
const locale = { fr: 'fr-MA', ar: 'ar-MA', en: 'en-GB' }[lang] ?? 'fr-MA';
const params = new URLSearchParams(location.search);
const statuses = ['notSent', 'invited', 'accepted', 'tentative', 'declined', 'waitlisted', 'offered', 'attended', 'noShow', 'withdrawn', 'cancelled'];
const counted = [['invited', 'Dashboard.Count.Invited'], ['accepted', 'Dashboard.Status.accepted'], ['tentative', 'Dashboard.Status.tentative'],
  ['declined', 'Dashboard.Status.declined'], ['noAnswer', 'Dashboard.Count.NoAnswer'], ['waitlisted', 'Dashboard.Status.waitlisted'],
  ['offered', 'Dashboard.Status.offered'], ['attended', 'Dashboard.Status.attended'], ['noShow', 'Dashboard.Status.noShow']];
const needs = ['transport', 'diet', 'accessibility', 'interpretation', 'other'];
const sexes = ['female', 'male', 'notStated'];
const sexKey = { female: 'Female', male: 'Male', notStated: 'NotStated' };
const refreshMs = 5000;

const t = (key, ...args) => (texts[key] ?? key).replace(/\{(\d)\}/g, (_, i) => args[i] ?? '');
const groupLabel = g => texts['Group.' + g] ?? g;
const el = (tag, attrs = {}, ...children) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) if (c != null) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
};
const percent = x => x == null ? '–' : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(x);
const number = n => new Intl.NumberFormat(locale).format(n);

// ---- Teams: SSO token, theme, locale ---------------------------------------------------------
const inTeams = window.parent !== window.self || navigator.userAgent.includes('Teams/');
let teamsReady = null;

function applyTheme(name) {
  setTheme(name === 'dark' ? teamsDarkTheme : name === 'contrast' ? teamsHighContrastTheme : teamsLightTheme);
  document.documentElement.dataset.theme = name || 'default';
}

async function startTeams() {
  if (!inTeams || !window.microsoftTeams) { applyTheme(matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'default'); return; }
  await microsoftTeams.app.initialize();
  const context = await microsoftTeams.app.getContext();
  applyTheme(context.app.theme);
  microsoftTeams.app.registerOnThemeChangeHandler(applyTheme);
  const teamsLang = (context.app.locale || '').slice(0, 2);
  if (!params.has('lang') && ['fr', 'ar', 'en'].includes(teamsLang) && teamsLang !== lang) {
    params.set('lang', teamsLang);
    location.search = params.toString();
  }
  const configured = context.page?.id && context.page.id !== 'dashboard' ? context.page.id : null;
  if (configured && !params.has('campaign')) params.set('campaign', configured);
  microsoftTeams.app.notifySuccess();
}

async function headers() {
  if (!inTeams) return {};
  await teamsReady;
  return { Authorization: 'Bearer ' + await microsoftTeams.authentication.getAuthToken() };
}

class ApiError extends Error { constructor(status, message) { super(message); this.status = status; } }

async function api(path, { method = 'GET', body, raw = false } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...await headers() } };
  if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
  const response = await fetch(path, init);
  if (!response.ok) {
    let message = response.statusText;
    try { const p = await response.json(); message = p.errors?.map(e => e.message).join(' ') || p.title || message; } catch { /* not JSON */ }
    throw new ApiError(response.status, message);
  }
  if (raw) return response;
  return response.status === 204 ? null : response.json();
}

// ---- state and notices -----------------------------------------------------------------------
const state = { campaignId: null, board: null, sessionId: params.get('session'), filters: {}, rows: [], total: 0, surveysOpen: new Set() };

function notice(message, kind = 'info') {
  const box = document.getElementById('notice');
  box.replaceChildren(el('fluent-message-bar', { intent: kind === 'error' ? 'error' : kind === 'success' ? 'success' : 'info' }, message));
}

async function act(work, done = t('Dashboard.Done')) {
  try {
    const result = await work();
    notice(typeof done === 'function' ? done(result) : done, 'success');
    await refresh();
  } catch (e) {
    notice(t('Dashboard.Error', e.message), 'error');
  }
}

// ---- campaign and sessions -------------------------------------------------------------------
async function loadCampaigns() {
  const campaigns = await api('/api/campaigns');
  const wanted = params.get('campaign');
  if (wanted) {
    state.campaignId = wanted;
  } else if (campaigns.length === 0) {
    notice(t('Dashboard.NoCampaign')); return false;
  } else {
    state.campaignId = campaigns[0].id;
  }
  if (campaigns.length > 1) {
    const select = document.getElementById('campaign');
    select.replaceChildren(...campaigns.map(c => el('option', { value: c.id, selected: c.id === state.campaignId }, c.name)));
    select.onchange = () => { state.campaignId = select.value; state.sessionId = null; refresh(); };
    select.closest('label').hidden = false;
  }
  return true;
}

async function loadBoard() {
  state.board = await api(`/api/campaigns/${state.campaignId}/dashboard`);
  const b = state.board;
  document.title = `${b.name} – ${t('Dashboard.Title')}`;
  const when = new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(new Date(b.generatedAt));
  const meta = [b.name, t('Dashboard.Updated', when)];
  if (b.personalDataErasedAfter) meta.push(t('Dashboard.Erasure', new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(new Date(b.personalDataErasedAfter))));
  if (b.openDataRequests > 0) meta.push(t('Dashboard.DataRequests', number(b.openDataRequests)));
  document.getElementById('meta').textContent = meta.join(' · ');
  document.getElementById('sessions').replaceChildren(...b.sessions.map(sessionCard));
  reportBar(b);
}

function sessionCard(s) {
  const c = s.counts;
  // The server gives the session's wall-clock time with its offset; show that wall clock as it is
  // (the browser's own tz data may lag behind Morocco's changes).
  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(s.start.slice(0, 19) + 'Z'));
  const cancelled = s.state === 'cancelled';
  const card = el('article', { class: 'session' + (s.id === state.sessionId ? ' selected' : ''), 'data-session': s.id, 'aria-labelledby': 'title-' + s.id },
    el('h2', { id: 'title-' + s.id }, s.title, cancelled ? el('fluent-badge', { color: 'danger' }, t('Dashboard.Cancelled')) : null),
    el('p', { class: 'muted' }, when, s.venue ? ' · ' + s.venue : ''),
    el('dl', { class: 'counts' }, counted.map(([key, label]) =>
      el('div', { class: 'count ' + key }, el('dt', {}, t(label)), el('dd', { 'data-count': key }, number(c[key]))))),
    el('p', { class: 'facts' },
      el('span', {}, t('Dashboard.ResponseRate'), ': ', el('strong', { 'data-fact': 'responseRate' }, percent(s.responseRate))), ' · ',
      // Every language's template starts with the number of seats left ("{0} seats left of {1}").
      s.capacity == null ? el('span', {}, t('Dashboard.Unlimited'))
        : el('span', {}, el('strong', { 'data-fact': 'seatsLeft' }, number(s.seatsLeft)), ' ', t('Dashboard.Seats', '', number(s.capacity)).trim()), ' · ',
      el('span', {}, t('Dashboard.WomenShare'), ': ', el('strong', { 'data-fact': 'womenShare' }, percent(s.coming.womenShare)))),
    progress(s.sending),
    chart(s),
    sexTable(s),
    needsList(s),
    surveyBlock(s),
    participationBlock(s),
    el('div', { class: 'actions' },
      el('fluent-button', { appearance: 'primary', onclick: () => showPeople(s.id) }, t('Dashboard.Participants')),
      el('fluent-button', { disabled: cancelled || c.noAnswer === 0, onclick: () => remind(s) }, t('Dashboard.Action.Remind')),
      el('fluent-button', { onclick: () => download(s, 'xlsx') }, t('Dashboard.Action.Xlsx')),
      el('fluent-button', { onclick: () => download(s, 'csv') }, t('Dashboard.Action.Csv')),
      el('fluent-button', { onclick: () => sheet(s) }, t('Dashboard.Action.Sheet')),
      el('fluent-button', { 'data-action': 'report', onclick: () => downloadUrl(`/api/sessions/${s.id}/report?format=docx`, 'report.docx') }, t('Dashboard.Report'))),
    el('label', { class: 'switch' },
      el('input', { type: 'checkbox', checked: s.selfCheckIn, disabled: cancelled,
        onchange: e => act(() => api(`/api/sessions/${s.id}`, { method: 'PATCH', body: { selfCheckIn: e.target.checked } })) }),
      ' ', t('Dashboard.SelfCheckIn')));
  return card;
}

function progress(p) {
  if (!p.inCourse && p.failed === 0 && p.possibleDuplicates === 0) return null;
  const parts = [t('Dashboard.Sending', number(p.done), number(p.due))];
  if (p.failed) parts.push(t('Dashboard.Failed', number(p.failed)));
  if (p.possibleDuplicates) parts.push(t('Dashboard.PossibleDuplicates', number(p.possibleDuplicates)));
  return el('div', { class: 'progress', 'data-fact': 'sending' },
    p.inCourse ? el('fluent-progress-bar', { value: p.done, max: p.due, 'aria-label': parts[0] }) : null,
    el('span', {}, parts.join(' · ')));
}

/** Confirmed people (accepted or attended) per group, one bar per group split by sex: the balance at a glance. */
function chart(s) {
  const rows = s.byGroup.filter(g => g.counts.total > 0);
  const max = Math.max(1, ...rows.map(g => g.coming.female + g.coming.male + g.coming.notStated));
  return el('figure', { class: 'chart' },
    el('figcaption', {}, t('Dashboard.Chart')),
    el('div', { class: 'legend' }, sexes.map(x => el('span', { class: 'key ' + x }, t('Dashboard.Sex.' + sexKey[x])))),
    rows.map(g => {
      const sum = g.coming.female + g.coming.male + g.coming.notStated;
      return el('div', { class: 'bar-row', 'data-group': g.group },
        el('span', { class: 'bar-label' }, groupLabel(g.group)),
        el('span', { class: 'bar', role: 'img',
          'aria-label': `${groupLabel(g.group)}: ${sexes.map(x => `${t('Dashboard.Sex.' + sexKey[x])} ${g.coming[x]}`).join(', ')}` },
          sexes.map(x => g.coming[x] ? el('span', { class: 'seg ' + x, style: `width:${(100 * g.coming[x] / max).toFixed(1)}%` }, g.coming[x]) : null)),
        el('span', { class: 'bar-total' }, `${number(sum)} / ${number(g.counts.invited)}`));
    }));
}

function sexTable(s) {
  const columns = [['invited', 'Dashboard.Count.Invited'], ['accepted', 'Dashboard.Status.accepted'], ['declined', 'Dashboard.Status.declined'],
    ['noAnswer', 'Dashboard.Count.NoAnswer'], ['attended', 'Dashboard.Status.attended']];
  const line = (label, counts, attrs) => el('tr', attrs, el('th', { scope: 'row' }, label), columns.map(([k]) => el('td', { 'data-count': k }, number(counts[k]))));
  return el('details', { class: 'breakdown' },
    el('summary', {}, t('Dashboard.BySex'), ' · ', t('Dashboard.ByGroup')),
    el('table', {},
      el('thead', {}, el('tr', {}, el('th', {}, ''), columns.map(([, label]) => el('th', { scope: 'col' }, t(label))))),
      el('tbody', {},
        s.bySex.map(x => line(t('Dashboard.Sex.' + sexKey[x.sex]), x.counts, { 'data-sex': x.sex })),
        s.byGroup.map(g => line(groupLabel(g.group), g.counts, { 'data-group': g.group })))));
}

function needsList(s) {
  return el('div', { class: 'needs' },
    el('span', {}, t('Dashboard.Needs'), ': '),
    needs.map(n => el('button', { type: 'button', class: 'link', 'data-need': n, disabled: s.needs[n] === 0,
      onclick: () => { state.filters = { need: n }; showPeople(s.id); } }, `${t('Dashboard.Need.' + n)} ${number(s.needs[n])}`)));
}

// ---- actions on a session ----------------------------------------------------------------------
async function remind(s) {
  if (!await confirmDialog(t('Dashboard.Action.ConfirmRemind', number(s.counts.noAnswer)))) return;
  await act(() => api(`/api/sessions/${s.id}/reminders/send`, { method: 'POST' }), r => t('Dashboard.Reminded', number(r.planned)));
}

const download = (s, format) => downloadUrl(`/api/sessions/${s.id}/export?format=${format}`, `participants.${format}`);

async function downloadUrl(url, fallbackName) {
  try {
    const response = await api(url, { raw: true });
    const name = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/.exec(response.headers.get('Content-Disposition') || '')?.[1] ?? fallbackName;
    const link = el('a', { href: URL.createObjectURL(await response.blob()), download: decodeURIComponent(name) });
    document.body.append(link); link.click(); link.remove();
  } catch (e) { notice(t('Dashboard.Error', e.message), 'error'); }
}

async function sheet(s) {
  try {
    const response = await api(`/dashboard/sessions/${s.id}/attendance`, { raw: true });
    window.open(URL.createObjectURL(new Blob([await response.text()], { type: 'text/html' })), '_blank');
  } catch (e) { notice(t('Dashboard.Error', e.message), 'error'); }
}

// ---- the session's survey ------------------------------------------------------------------------
function surveyBlock(s) {
  const v = s.survey;
  const date = d => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(d));
  const stateText = v.state === 'scheduled' ? t('Dashboard.Survey.State.scheduled', date(v.opensAt))
    : v.state === 'open' ? t('Dashboard.Survey.State.open', date(v.closesAt)) : t('Dashboard.Survey.State.' + v.state);
  const results = el('div', { class: 'survey-results' });
  const block = el('details', { class: 'survey', 'data-survey': v.state, open: state.surveysOpen.has(s.id),
    ontoggle: e => { if (e.target.open) { state.surveysOpen.add(s.id); surveyResults(s, results); } else state.surveysOpen.delete(s.id); } },
    el('summary', {}, t('Dashboard.Survey'), ': ', stateText,
      v.sentTo ? el('span', { 'data-fact': 'surveyResponses' }, ' · ', t('Dashboard.Survey.Responses', number(v.responses), number(v.sentTo), percent(v.responseRate))) : null),
    results,
    el('div', { class: 'actions' },
      v.state === 'scheduled' && s.state !== 'cancelled'
        ? el('fluent-button', { onclick: () => act(() => api(`/api/sessions/${s.id}/survey/open`, { method: 'POST' })) }, t('Dashboard.Survey.Open')) : null,
      v.state === 'scheduled' || v.state === 'disabled'
        ? el('fluent-button', { 'data-action': 'edit-survey', onclick: () => editSurvey(s) }, t('Dashboard.Survey.Edit')) : null,
      v.sentTo ? el('fluent-button', { onclick: () => downloadUrl(`/api/sessions/${s.id}/survey/results/export?format=xlsx`, 'survey.xlsx') }, t('Dashboard.Action.Xlsx')) : null));
  if (state.surveysOpen.has(s.id)) surveyResults(s, results);
  return block;
}

/** The survey's settings and the texts of its questions in fr, ar and en; a question can be left out. Kinds and options stay as they are. */
async function editSurvey(s) {
  const survey = await api(`/api/sessions/${s.id}/survey`);
  const check = (name, checked, label) => el('label', { class: 'check' }, el('input', { type: 'checkbox', name, checked }), ' ', label);
  const data = await dialog(`${t('Dashboard.Survey')} · ${s.title}`, [
    check('enabled', survey.enabled, t('Dashboard.Survey.Enabled')),
    check('anonymous', survey.anonymous, t('Dashboard.Survey.AnonymousOption')),
    field(t('Dashboard.Survey.Delay'), el('input', { type: 'number', name: 'openDelayMinutes', min: 0, max: 10080, value: survey.openDelayMinutes, required: true })),
    field(t('Dashboard.Survey.Days'), el('input', { type: 'number', name: 'openDays', min: 1, max: 60, value: survey.openDays, required: true })),
    ...survey.questions.map((q, i) => el('fieldset', { class: 'question', 'data-question': q.id },
      el('legend', {}, `${i + 1}. ${q.kind}`),
      check(`keep-${i}`, true, t('Dashboard.Survey.Keep')),
      check(`required-${i}`, q.required, t('Dashboard.Survey.Required')),
      ['fr', 'ar', 'en'].map(l => field(l, el('input', { name: `text-${i}-${l}`, value: q.text[l], dir: l === 'ar' ? 'rtl' : 'ltr', lang: l, required: true }))))),
  ], t('Dashboard.Action.Save'));
  if (!data) return;
  const questions = survey.questions.map((q, i) => ({ ...q, required: data.has(`required-${i}`),
    text: { fr: data.get(`text-${i}-fr`), ar: data.get(`text-${i}-ar`), en: data.get(`text-${i}-en`) } }))
    .filter((_, i) => data.has(`keep-${i}`));
  await act(() => api(`/api/sessions/${s.id}/survey`, { method: 'PUT', body: {
    enabled: data.has('enabled'), anonymous: data.has('anonymous'),
    openDelayMinutes: Number(data.get('openDelayMinutes')), openDays: Number(data.get('openDays')), questions } }));
}

async function surveyResults(s, box) {
  const r = await api(`/api/sessions/${s.id}/survey/results`);
  const question = q => el('li', { 'data-question': q.id }, el('strong', {}, q.text), ' ',
    q.average != null ? el('span', { 'data-fact': 'average' }, t('Dashboard.Survey.Average', new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(q.average))) : null,
    q.points ? el('ol', {}, q.points.slice(0, 3).map(p => el('li', {}, `${p.label} – ${t('Dashboard.Survey.Points', number(p.count))}`))) : null,
    q.kind !== 'rating' && !q.points && q.distribution.length ? el('ul', {}, q.distribution.map(d => el('li', {}, `${d.label}: ${number(d.count)}`))) : null,
    q.comments?.length ? el('ul', { class: 'comments' }, q.comments.map(c => el('li', {}, c))) : null);
  const ratings = r.questions.filter(q => q.kind === 'rating');
  const breakdown = (title, groups) => groups.length === 0 || ratings.length === 0 ? null : el('table', {},
    el('caption', {}, title),
    el('thead', {}, el('tr', {}, el('th', {}, ''), el('th', { scope: 'col' }, 'n'), ratings.map(q => el('th', { scope: 'col', title: q.text }, q.id)))),
    el('tbody', {}, groups.map(g => el('tr', {}, el('th', { scope: 'row' }, g.label), el('td', {}, number(g.responses)),
      g.questions.filter(q => q.kind === 'rating').map(q => el('td', {}, q.average ?? '–'))))));
  box.replaceChildren(el('ul', { class: 'questions' }, r.questions.map(question)),
    breakdown(t('Dashboard.ByGroup'), r.byGroup), breakdown(t('Dashboard.BySex'), r.bySex));
}

// ---- the participant table ---------------------------------------------------------------------
function showPeople(sessionId) {
  state.sessionId = sessionId;
  document.querySelectorAll('article.session').forEach(a => a.classList.toggle('selected', a.dataset.session === sessionId));
  const section = document.getElementById('people');
  section.hidden = false;
  renderFilters();
  loadRoster().then(() => section.scrollIntoView({ behavior: 'smooth', block: 'start' }));
}

function select(name, label, options) {
  return el('label', {}, el('span', {}, label),
    el('select', { name, onchange: e => { state.filters[name] = e.target.value || undefined; loadRoster(); } },
      el('option', { value: '' }, t('Dashboard.Filter.Any')),
      options.map(([value, text]) => el('option', { value, selected: state.filters[name] === value }, text))));
}

function renderFilters() {
  const form = document.getElementById('filters');
  let timer;
  form.replaceChildren(
    el('label', { class: 'search' }, el('span', {}, t('Dashboard.Search')),
      el('input', { type: 'search', name: 'search', value: state.filters.search ?? '',
        oninput: e => { clearTimeout(timer); timer = setTimeout(() => { state.filters.search = e.target.value || undefined; loadRoster(); }, 250); } })),
    select('status', t('Dashboard.Column.Status'), statuses.map(s => [s, t('Dashboard.Status.' + s)])),
    select('group', t('Dashboard.Column.Group'), groups.map(g => [g, groupLabel(g)])),
    select('sex', t('Dashboard.Column.Sex'), sexes.map(x => [x, t('Dashboard.Sex.' + sexKey[x])])),
    select('language', t('Dashboard.Column.Language'), [['fr', 'Français'], ['ar', 'العربية'], ['en', 'English']]),
    select('channel', t('Dashboard.Column.Channel'), [['teams', 'Teams'], ['email', 'Email'], ['both', 'Teams + Email']]),
    select('need', t('Dashboard.Filter.Need'), needs.map(n => [n, t('Dashboard.Need.' + n)])),
    el('fluent-button', { onclick: () => walkIn() }, t('Dashboard.Action.WalkIn')));
  form.onsubmit = e => e.preventDefault();
}

function query(extra = {}) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...state.filters, ...extra })) if (v != null && v !== '') q.set(k, v);
  return q.toString();
}

async function loadRoster(append = false) {
  if (!state.sessionId) return;
  const offset = append ? state.rows.length : 0;
  const page = await api(`/api/sessions/${state.sessionId}/roster?${query({ offset, limit: 200 })}`);
  state.rows = append ? state.rows.concat(page.rows) : page.rows;
  state.total = page.total;
  renderRoster();
}

function session() { return state.board?.sessions.find(s => s.id === state.sessionId); }

function renderRoster() {
  const s = session();
  if (!s) return;
  document.getElementById('people-title').textContent = `${t('Dashboard.Participants')} · ${s.title} (${number(state.total)})`;
  const table = document.getElementById('roster');
  table.tHead.replaceChildren(el('tr', {}, ['Name', 'Group', 'Sex', 'Language', 'Status', 'SubGroup', 'LastMessage', 'Actions']
    .map(c => el('th', { scope: 'col' }, t('Dashboard.Column.' + c)))));
  const body = table.tBodies[0];
  body.replaceChildren(...(state.rows.length ? state.rows.map(r => row(s, r)) : [el('tr', {}, el('td', { colspan: 8 }, t('Dashboard.Nobody')))]));
  document.getElementById('roster-more').replaceChildren(state.rows.length < state.total
    ? el('fluent-button', { onclick: () => loadRoster(true) }, t('Dashboard.Action.More')) : '');
}

function lastMessage(m) {
  if (!m) return '';
  const text = `${t('Dashboard.Kind.' + m.kind)} · ${m.channel} · ${t('Dashboard.Delivery.' + m.status)}`;
  return el('span', { class: 'delivery ' + m.status, title: m.reason ?? '' }, text,
    m.mayHaveArrivedTwice ? el('small', {}, t('Dashboard.PossibleDuplicate')) : m.reason && m.status !== 'sent' ? el('small', {}, m.reason) : null);
}

function row(s, r) {
  const base = `/api/sessions/${s.id}/invitations/${r.participantId}`;
  const open = s.state !== 'cancelled';
  const buttons = [];
  if (!['attended', 'withdrawn', 'cancelled'].includes(r.status))
    buttons.push(el('fluent-button', { appearance: 'primary', 'data-action': 'check-in', onclick: () => act(() => api(base + '/check-in', { method: 'POST' })) }, t('Dashboard.Action.CheckIn')));
  if (r.status === 'waitlisted' && open)
    buttons.push(el('fluent-button', { 'data-action': 'offer', onclick: () => act(() => api(base + '/offer', { method: 'POST' })) }, t('Dashboard.Action.Offer')));
  if (['notSent', 'invited', 'accepted', 'tentative', 'declined', 'waitlisted', 'offered'].includes(r.status) && open) {
    buttons.push(el('fluent-button', { 'data-action': 'resend', onclick: () => act(() => api(base + '/resend', { method: 'POST' })) }, t('Dashboard.Action.Resend')));
    buttons.push(el('fluent-button', { 'data-action': 'record', onclick: () => record(s, r) }, t('Dashboard.Action.Record')));
    buttons.push(el('fluent-button', { 'data-action': 'substitute', onclick: () => substitute(s, r) }, t('Dashboard.Action.Substitute')));
    buttons.push(el('fluent-button', { 'data-action': 'withdraw',
      onclick: async () => { if (await confirmDialog(t('Dashboard.Action.ConfirmWithdraw', r.name))) await act(() => api(base + '/withdraw', { method: 'POST' })); } },
      t('Dashboard.Action.Withdraw')));
  }
  const subGroup = s.subGroups.length === 0 ? (r.subGroup ?? '') : el('select', { 'aria-label': `${t('Dashboard.Column.SubGroup')}: ${r.name}`,
    onchange: e => act(() => api(base + '/sub-group', { method: 'PUT', body: { subGroup: e.target.value || null } })) },
    el('option', { value: '' }, '–'), s.subGroups.map(g => el('option', { value: g, selected: g === r.subGroup }, g)));
  return el('tr', { 'data-participant': r.participantId, 'data-status': r.status },
    el('th', { scope: 'row' }, el('span', { class: 'name' }, r.name), r.organisation ? el('small', {}, r.organisation) : null),
    el('td', { 'data-label': t('Dashboard.Column.Group') }, groupLabel(r.group)),
    el('td', { 'data-label': t('Dashboard.Column.Sex') }, t('Dashboard.Sex.' + sexKey[r.sex])),
    el('td', { 'data-label': t('Dashboard.Column.Language') }, r.language),
    el('td', { 'data-label': t('Dashboard.Column.Status') }, el('fluent-badge', { appearance: 'tint', class: 'status ' + r.status }, t('Dashboard.Status.' + r.status))),
    el('td', { 'data-label': t('Dashboard.Column.SubGroup') }, subGroup),
    el('td', { 'data-label': t('Dashboard.Column.LastMessage') }, lastMessage(r.lastMessage)),
    el('td', { class: 'row-actions' }, buttons));
}

// ---- dialogs -------------------------------------------------------------------------------------
function dialog(title, fields, submitLabel) {
  const box = document.getElementById('dialog');
  const form = document.getElementById('dialog-form');
  form.replaceChildren(el('h2', {}, title), ...fields,
    el('div', { class: 'actions' },
      el('button', { value: 'ok', class: 'primary' }, submitLabel),
      el('button', { value: 'cancel', formnovalidate: true }, t('Dashboard.Action.Cancel'))));
  box.showModal();
  return new Promise(resolve => box.addEventListener('close', () => resolve(box.returnValue === 'ok' ? new FormData(form) : null), { once: true }));
}

async function confirmDialog(text) { return (await dialog(text, [], 'OK')) !== null; }

function field(label, input) { return el('label', { class: 'field' }, el('span', {}, label), input); }

async function record(s, r) {
  const data = await dialog(`${t('Dashboard.Action.Record')} · ${r.name}`, [
    field(t('Dashboard.Column.Status'), el('select', { name: 'status', required: true },
      ['accepted', 'tentative', 'declined', 'attended', 'noShow'].map(x => el('option', { value: x }, t('Dashboard.Status.' + x))))),
  ], t('Dashboard.Action.Save'));
  if (data) await act(() => api(`/api/sessions/${s.id}/invitations/${r.participantId}/answer`, { method: 'POST', body: { status: data.get('status'), channel: 'phone' } }));
}

async function substitute(s, r) {
  const [people, invited] = await Promise.all([api(`/api/campaigns/${state.campaignId}/participants`), api(`/api/sessions/${s.id}/invitations`)]);
  const taken = new Set(invited.map(i => i.participantId));
  const data = await dialog(`${t('Dashboard.Action.Substitute')} · ${r.name}`, [
    field(t('Dashboard.Action.Delegate'), el('select', { name: 'delegate', required: true },
      people.filter(p => !taken.has(p.id)).map(p => el('option', { value: p.id }, `${p.fullName}${p.organisation ? ' – ' + p.organisation : ''}`)))),
  ], t('Dashboard.Action.Save'));
  if (data) await act(() => api(`/api/sessions/${s.id}/invitations/${r.participantId}/substitute`, { method: 'POST', body: { delegateParticipantId: data.get('delegate') } }));
}

async function walkIn() {
  const s = session();
  const data = await dialog(t('Dashboard.Action.WalkIn'), [
    field(t('Dashboard.Column.Name'), el('input', { name: 'fullName', required: true, autocomplete: 'off' })),
    field(t('Dashboard.Column.Organisation'), el('input', { name: 'organisation', autocomplete: 'off' })),
    field(t('Dashboard.Column.Group'), el('select', { name: 'group' }, groups.map(g => el('option', { value: g }, groupLabel(g))))),
    field(t('Dashboard.Column.Sex'), el('select', { name: 'sex' }, sexes.map(x => el('option', { value: x }, t('Dashboard.Sex.' + sexKey[x]))))),
    field(t('Dashboard.Column.Email'), el('input', { name: 'email', type: 'email', required: true, autocomplete: 'off' })),
  ], t('Dashboard.Action.Save'));
  if (!data) return;
  await act(() => api(`/api/sessions/${s.id}/invitations/walk-ins`, { method: 'POST',
    body: { fullName: data.get('fullName'), organisation: data.get('organisation') || null, group: data.get('group'), sex: data.get('sex'),
      email: data.get('email'), language: lang, channel: 'email' } }));
}

// ---- start and refresh -----------------------------------------------------------------------------
async function refresh() {
  await loadBoard();
  if (state.sessionId && !document.getElementById('people').hidden) await loadRoster();
}

async function start() {
  teamsReady = startTeams().catch(() => applyTheme('default'));
  await teamsReady;
  try {
    if (!await loadCampaigns()) return;
    await loadBoard();
    if (state.sessionId) showPeople(state.sessionId);
  } catch (e) {
    if (e.status === 404 || e.status === 403) notice(t('Dashboard.Refused'), 'error');
    else if (e.status === 401) notice(t('Dashboard.SignIn'), 'error');
    else notice(t('Dashboard.Error', e.message), 'error');
    return;
  }
  document.body.dataset.ready = 'true';
  setInterval(() => { if (!document.getElementById('dialog').open && !document.hidden) refresh().catch(() => { }); }, refreshMs);
}

start();

// ---- the consultation report (issue 22: Reporting/) -----------------------------------------------
// The campaign's report (Word, or the printable page) and each session's participation by age group and
// disability, with the shares of women, young people (15–24) and persons with disabilities per stage.
function reportBar(b) {
  let bar = document.getElementById('report-bar');
  if (!bar) {
    bar = el('div', { id: 'report-bar', class: 'actions' });
    document.getElementById('meta').after(bar);
  }
  bar.replaceChildren(
    el('fluent-button', { appearance: 'primary', 'data-action': 'campaign-report',
      onclick: () => downloadUrl(`/api/campaigns/${b.campaignId}/report?format=docx`, 'report.docx') }, t('Dashboard.Report.Campaign')),
    el('fluent-button', { 'data-action': 'campaign-report-html', onclick: () => printableReport(b.campaignId) }, t('Dashboard.Report.Printable')));
}

async function printableReport(campaignId) {
  try {
    const response = await api(`/api/campaigns/${campaignId}/report?format=html`, { raw: true });
    window.open(URL.createObjectURL(new Blob([await response.text()], { type: 'text/html' })), '_blank');
  } catch (e) { notice(t('Dashboard.Error', e.message), 'error'); }
}

function participationBlock(s) {
  const p = s.participation;
  if (!p) return null;
  const stages = ['invited', 'confirmed', 'present'];
  const head = el('tr', {}, el('th', { scope: 'col' }, ''), ...stages.map(x => el('th', { scope: 'col' }, t('Dashboard.Stage.' + x[0].toUpperCase() + x.slice(1)))));
  const shareRow = (key, field) => el('tr', {}, el('th', { scope: 'row' }, t('Dashboard.Share.' + key)),
    ...p.shares.map(x => el('td', { 'data-share': `${field}-${x.stage}` }, percent(x[field]))));
  const total = c => c.female + c.male + c.notStated;
  const band = v => ['preferNotToSay', 'notStated'].includes(v) ? t('Dashboard.AgeBand.' + v) : v.replace('-', '–');
  const rows = (list, label) => list.filter(r => total(r.invited) > 0).map(r =>
    el('tr', {}, el('th', { scope: 'row' }, label(r.value)), ...stages.map(x => el('td', { 'data-count': `${r.value}-${x}` }, number(total(r[x]))))));
  return el('details', { class: 'participation', 'data-fact': 'participation' },
    el('summary', {}, t('Dashboard.Participation')),
    el('table', {}, el('thead', {}, head), el('tbody', {}, shareRow('Women', 'womenShare'), shareRow('Youth', 'youthShare'), shareRow('Disability', 'disabilityShare'))),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('Dashboard.AgeBand')), ...stages.map(x => el('th', { scope: 'col' }, t('Dashboard.Stage.' + x[0].toUpperCase() + x.slice(1)))))),
      el('tbody', {}, ...rows(p.byAgeBand, band))),
    el('table', {}, el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, t('Dashboard.Disability')), ...stages.map(x => el('th', { scope: 'col' }, t('Dashboard.Stage.' + x[0].toUpperCase() + x.slice(1)))))),
      el('tbody', {}, ...rows(p.byDisability, v => t('Dashboard.Disability.' + v)))));
}
