import {
  type ExerciseCard,
  type ExercisesPageData,
  type FromExercisesPage,
  parseExercisesPageData,
  parseToExercisesPage,
} from '../shared/exercisesPage';
import { renderIllustration } from '../shared/illustration/render';
import { ILLUSTRATIONS } from '../shared/illustration/specs';
import { singular, t } from '../shared/l10n';
import { el, prefersStill, vscodeApi } from './vscodeApi';

interface PageState {
  position: string;
  category: string;
  equipment: 'all' | 'mine' | 'none';
  open: string | null;
}

const api = vscodeApi<PageState>();
const send = (message: FromExercisesPage): void => api.postMessage(message);
const EMPTY: ExercisesPageData = {
  exercises: [],
  categories: [],
  positions: [],
  equipmentSummary: '',
  conditionNote: '',
  reduceMotion: 'auto',
};
function startData(): ExercisesPageData {
  try {
    return parseExercisesPageData(JSON.parse(document.body.dataset.upright ?? 'null')) ?? EMPTY;
  } catch {
    return EMPTY;
  }
}
let data = startData();
let state: PageState = { position: 'all', category: 'all', equipment: 'all', open: null, ...api.getState() };
let lastFocusedCard: string | null = null;

const root = el('main', { className: 'page' });
const live = el('div', { className: 'visually-hidden', attrs: { 'aria-live': 'polite', role: 'status' } });
document.body.append(root, live);

function setState(patch: Partial<PageState>): void {
  state = { ...state, ...patch };
  api.setState(state);
  render();
}

/** The exercise's picture as an SVG element, from the project's own drawing code. */
function picture(card: ExerciseCard, big: boolean): HTMLElement {
  const box = el('div', { className: big ? 'art art-big' : 'art', attrs: { 'aria-hidden': big ? 'false' : 'true' } });
  const spec = ILLUSTRATIONS[card.id];
  if (!spec) return box;
  const still = prefersStill(data.reduceMotion);
  const svg = renderIllustration(spec, { ...card.tempo, reducedMotion: still, title: `${card.name}: ${card.summary}` });
  // The markup is generated from typed pose data; every text in it (the title) is escaped by the renderer.
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  if (!doc.querySelector('parsererror')) box.append(document.importNode(doc.documentElement, true));
  return box;
}

function select(
  name: string,
  label: string,
  value: string,
  options: { id: string; label: string }[],
  onChange: (v: string) => void,
): HTMLElement {
  const id = `filter-${name}`;
  const control = el('select', { attrs: { id } });
  for (const o of options) {
    const option = el('option', { text: o.label, attrs: { value: o.id } });
    if (o.id === value) option.selected = true;
    control.append(option);
  }
  control.addEventListener('change', () => onChange(control.value));
  return el('div', { className: 'filter' }, el('label', { text: label, attrs: { for: id } }), control);
}

function matches(card: ExerciseCard): boolean {
  if (state.position !== 'all' && !card.positions.includes(state.position)) return false;
  if (state.category !== 'all' && card.category !== state.category) return false;
  if (state.equipment === 'mine' && !card.canDo) return false;
  if (state.equipment === 'none' && card.equipmentLabels.length > 0) return false;
  return true;
}

function tags(card: ExerciseCard): HTMLElement {
  const list = el('ul', { className: 'tags' });
  list.append(el('li', { className: 'tag', text: card.positionLabels.join(' · ') }));
  list.append(
    el('li', {
      className: card.canDo ? 'tag' : 'tag tag-missing',
      text: card.equipmentLabels.length ? card.equipmentLabels.join(', ') : t('No equipment'),
    }),
  );
  return list;
}

function renderGrid(): void {
  const shown = data.exercises.filter(matches);
  const header = el(
    'header',
    { className: 'toolbar' },
    el('h1', { text: t('Exercises') }),
    select('position', t('Position'), state.position, [{ id: 'all', label: t('Any position') }, ...data.positions], (v) =>
      setState({ position: v }),
    ),
    select('kind', t('Kind'), state.category, [{ id: 'all', label: t('Every kind') }, ...data.categories], (v) =>
      setState({ category: v }),
    ),
    select(
      'equipment',
      t('Equipment'),
      state.equipment,
      [
        { id: 'all', label: t('Any equipment') },
        { id: 'mine', label: t('What I have') },
        { id: 'none', label: t('No equipment') },
      ],
      (v) => setState({ equipment: v as PageState['equipment'] }),
    ),
  );
  const change = el('button', { className: 'link', text: t('Change…'), attrs: { type: 'button' } });
  change.addEventListener('click', () => send({ type: 'changeEquipment' }));
  const summary = el(
    'p',
    { className: 'summary' },
    document.createTextNode(`${data.equipmentSummary}. `),
    change,
    document.createTextNode(` ${t('Showing {0} of {1}.', shown.length, data.exercises.length)}`),
  );
  const grid = el('ul', { className: 'grid', attrs: { 'aria-label': t('Exercises') } });
  for (const card of shown) {
    const button = el('button', {
      className: 'card',
      attrs: { type: 'button', 'data-id': card.id, 'aria-label': `${card.name}. ${card.summary}` },
    });
    button.append(
      picture(card, false),
      el('span', { className: 'card-name', text: card.name }),
      el('span', { className: 'card-muscles', text: card.muscleLabels.join(', ') }),
      tags(card),
    );
    button.addEventListener('click', () => {
      lastFocusedCard = card.id;
      setState({ open: card.id });
    });
    grid.append(el('li', {}, button));
  }
  if (shown.length === 0) grid.append(el('li', { className: 'empty', text: t('No exercise matches these filters.') }));
  const condition = el('p', { className: 'condition', text: data.conditionNote });
  root.replaceChildren(header, summary, condition, grid);
  const total = data.exercises.length;
  live.textContent = t(singular(total) ? 'Showing {0} of {1} exercise' : 'Showing {0} of {1} exercises', shown.length, total);
  if (lastFocusedCard) {
    root.querySelector<HTMLButtonElement>(`button.card[data-id="${CSS.escape(lastFocusedCard)}"]`)?.focus();
    lastFocusedCard = null;
  }
}

function renderDetail(card: ExerciseCard): void {
  const back = el('button', { className: 'back', text: t('← All exercises'), attrs: { type: 'button' } });
  back.addEventListener('click', () => setState({ open: null }));
  const heading = el('h1', { text: card.name, attrs: { tabindex: '-1' } });
  const start = el('button', { className: 'button primary start', text: t('Start {0}', card.name), attrs: { type: 'button' } });
  start.addEventListener('click', () => send({ type: 'start', exerciseId: card.id }));
  const facts = el(
    'dl',
    { className: 'facts' },
    el('dt', { text: t('Works') }),
    el('dd', { text: card.muscleLabels.join(', ') }),
    el('dt', { text: t('Position') }),
    el('dd', { text: card.positionLabels.join(', ') }),
    el('dt', { text: t('Needs') }),
    el('dd', { text: card.equipmentLabels.length ? card.equipmentLabels.join(', ') : t('No equipment') }),
    el('dt', { text: t('Dose') }),
    el('dd', { text: card.doseText }),
  );
  const steps = el('ol', { className: 'steps' });
  for (const s of card.steps) steps.append(el('li', { text: s }));
  const cues = el('ul', { className: 'cues' });
  for (const c of card.cues) cues.append(el('li', { text: c }));
  let standIn: HTMLElement | null = null;
  if (!card.canDo && card.standIn) {
    const other = card.standIn;
    const open = el('button', { className: 'link', text: other.name, attrs: { type: 'button' } });
    open.addEventListener('click', () => setState({ open: other.id }));
    // The sentence is translated whole; the button takes the place of {0} in it.
    const [before = '', after = ''] = t('You don’t have what this needs, so routines use {0} in its place.').split('{0}');
    standIn = el('p', { className: 'stand-in' }, document.createTextNode(before), open, document.createTextNode(after));
  }
  const article = el(
    'article',
    { className: 'detail' },
    back,
    el(
      'div',
      { className: 'detail-body' },
      picture(card, true),
      el(
        'div',
        { className: 'detail-text' },
        heading,
        el('p', { className: 'lead', text: card.summary }),
        facts,
        standIn,
        start,
        el('h2', { text: t('How to do it') }),
        steps,
        el('h2', { text: t('Keep in mind') }),
        cues,
        el(
          'p',
          { className: 'caution' },
          el('strong', { text: t('Careful:') }),
          document.createTextNode(' '),
          document.createTextNode(card.caution),
        ),
        el('p', { className: 'condition', text: data.conditionNote }),
      ),
    ),
  );
  root.replaceChildren(article);
  heading.focus();
  live.textContent = t('{0}. {1} steps.', card.name, card.steps.length);
}

function render(): void {
  const open = state.open ? data.exercises.find((c) => c.id === state.open) : undefined;
  if (open) renderDetail(open);
  else renderGrid();
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseToExercisesPage(event.data);
  if (!message) return;
  data = message.data;
  render();
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Escape' && state.open) {
    lastFocusedCard = state.open;
    setState({ open: null });
  }
});
window.matchMedia('(prefers-reduced-motion: reduce)').addEventListener('change', render);

render();
send({ type: 'ready' });
