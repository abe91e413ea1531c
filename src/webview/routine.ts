import { renderIllustration, stillSpans } from '../shared/illustration/render';
import { ILLUSTRATIONS } from '../shared/illustration/specs';
import { singular, t } from '../shared/l10n';
import { figureMoves, type MotionState, msToNextCount, msToNextPose } from '../shared/routineMotion';
import {
  type ControlAction,
  type FromRoutinePage,
  MOVE_ROUTINE_PREFIX,
  parseToRoutinePage,
  type PlayerSnapshot,
  type RoutinePageData,
  type RoutinePageState,
  type RoutineStepView,
  type SegmentView,
} from '../shared/routinePage';
import { el, prefersStill, vscodeApi } from './vscodeApi';

const api = vscodeApi<RoutinePageState>();
const send = (message: FromRoutinePage): void => api.postMessage(message);

let data: RoutinePageData | undefined;
let player: PlayerSnapshot | undefined;
/** The current segment's end on this page's clock, while running. */
let localEndsAt = 0;
let shownKey = '';
let shownSecond = -1;
let shownRep = -1;
let pictureKey = '';
let svg: SVGSVGElement | null = null;
/** The figure's motion, stepped by this page (its own animations stay paused); set only while it moves. */
let figureTimer: ReturnType<typeof setTimeout> | undefined;
/** Where the figure's cycle holds still (fractions of a rep). */
let figureHolds: [number, number][] = [];
/** The next redraw of the count: set only while a number shown will change on its own. */
let countTimer: ReturnType<typeof setTimeout> | undefined;

const RING_R = 52;
const RING_C = 2 * Math.PI * RING_R;

// The page's frame: built once, filled in as the routine moves.
const title = el('h1', { className: 'routine-name' });
const bar = el(
  'div',
  { className: 'bar', attrs: { role: 'progressbar', 'aria-valuemin': '0', 'aria-valuemax': '100', 'aria-label': t('Routine progress') } },
  el('div', { className: 'bar-fill' }),
);
const where = el('p', { className: 'where' });
const art = el('div', { className: 'art art-big' });
const phase = el('p', { className: 'phase' });
const name = el('h2', { className: 'exercise-name' });
const muscles = el('p', { className: 'muscles' });
const swapped = el('p', { className: 'swapped' });
const ringSvg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
const count = el('div', { className: 'count' });
const countBig = el('span', { className: 'count-big' });
const countSmall = el('span', { className: 'count-small' });
const steps = el('ol', { className: 'steps' });
const caution = el('p', { className: 'caution' });
const upNext = el('p', { className: 'up-next' });
const safety = el('p', {
  className: 'safety',
  text: t('Move slowly and gently. Stop if you feel sharp or worsening pain; mild, easing tension is fine.'),
});
/** On the first routine a person does, under the safety line for the whole routine. */
const condition = el('p', { className: 'condition', attrs: { hidden: '' } });
const live = el('div', { className: 'visually-hidden', attrs: { 'aria-live': 'polite', role: 'status' } });
/** A move while something ran: the run has ended (the person finishes the move or stops). */
const note = el('p', { className: 'wait-note', attrs: { hidden: '' } });
const summary = el('section', { className: 'summary', attrs: { hidden: '' } });

function control(label: string, action: ControlAction, key: string, keyLabel: string): HTMLButtonElement {
  const button = el(
    'button',
    {
      className: `button control control-${action}${action === 'pause' ? ' primary' : ''}`,
      attrs: { type: 'button', 'aria-keyshortcuts': key, title: `${label} (${keyLabel})` },
    },
    el('span', { text: label }),
    el('kbd', { text: keyLabel }),
  );
  button.addEventListener('click', () => act((button.dataset.action as ControlAction | undefined) ?? action));
  button.dataset.action = action;
  return button;
}
const backButton = control(t('Back'), 'back', 'ArrowLeft', '←');
const pauseButton = control(t('Pause'), 'pause', 'Space', t('Space'));
const nextButton = control(t('Next'), 'next', 'ArrowRight', '→');
const finishButton = control(t('Finish'), 'finish', 'Escape', t('Esc'));

function buildFrame(): void {
  ringSvg.setAttribute('viewBox', '0 0 120 120');
  ringSvg.setAttribute('class', 'ring');
  ringSvg.setAttribute('aria-hidden', 'true');
  ringSvg.innerHTML = `<circle class="ring-track" cx="60" cy="60" r="${RING_R}"/><circle class="ring-fill" cx="60" cy="60" r="${RING_R}" stroke-dasharray="${RING_C.toFixed(2)}" stroke-dashoffset="0" transform="rotate(-90 60 60)"/>`;
  count.append(ringSvg, el('div', { className: 'count-text' }, countBig, countSmall));
  const main = el(
    'main',
    { className: 'routine' },
    el('header', {}, title, bar, where, note),
    el('div', { className: 'stage' }, art, el('div', { className: 'info' }, phase, name, muscles, swapped, count, steps, caution, upNext)),
    safety,
    condition,
    el('nav', { className: 'controls', attrs: { 'aria-label': t('Routine controls') } }, backButton, pauseButton, nextButton, finishButton),
    summary,
    live,
  );
  document.body.append(main);
}

function act(action: ControlAction): void {
  send({ type: 'control', action });
}

function segment(): SegmentView | undefined {
  return player && data ? data.segments[player.segment] : undefined;
}

function stepOf(seg: SegmentView | undefined): RoutineStepView | undefined {
  return seg && data ? data.steps[seg.step] : undefined;
}

function remainingMs(): number {
  if (!player) return 0;
  if (player.status === 'running') return Math.max(0, localEndsAt - performance.now());
  return player.remainingMs;
}

function formatSeconds(ms: number): string {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

function sideText(seg: SegmentView): string {
  if (seg.side === 'alternating') return t('Sides in turn');
  return seg.side === 'left' ? t('Left side') : seg.side === 'right' ? t('Right side') : '';
}

function save(): void {
  if (!data || !player) return;
  const left = remainingMs();
  api.setState({
    routineId: data.routineId,
    exerciseId: data.exerciseId,
    fromReminder: data.fromReminder,
    segment: player.segment,
    status: player.status,
    endsAtWallMs: player.status === 'running' ? Date.now() + left : null,
    remainingMs: left,
    doneSegments: player.done,
  });
}

/**
 * The picture follows the segment: the exercise under way, or the next one while getting ready. A
 * one-sided move's picture shows the first side; for the right side it is mirrored.
 */
function showPicture(seg: SegmentView, step: RoutineStepView): void {
  const still = prefersStill(data?.reduceMotion ?? 'auto');
  const key = `${player?.segment ?? -1}|${step.exerciseId}|${still}`;
  if (key === pictureKey) return;
  pictureKey = key;
  const spec = ILLUSTRATIONS[step.exerciseId];
  art.replaceChildren();
  svg = null;
  clearTimeout(figureTimer);
  figureTimer = undefined;
  if (!spec) return;
  const options = { ...step.tempo, reducedMotion: still, title: `${step.name}: ${step.summary}`, mirror: seg.side === 'right' };
  const markup = renderIllustration(spec, options);
  figureHolds = still ? [] : stillSpans(spec, options);
  const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
  if (doc.querySelector('parsererror')) return;
  svg = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
  art.append(svg);
  svg.pauseAnimations();
  if (seg.kind === 'work') svg.setCurrentTime((seg.durationMs - remainingMs()) / 1000);
}

function motionState(): MotionState | undefined {
  const seg = segment();
  if (!player || !seg) return undefined;
  return {
    status: player.status,
    segmentKind: seg.kind,
    visible: document.visibilityState !== 'hidden',
    still: prefersStill(data?.reduceMotion ?? 'auto'),
  };
}

/**
 * Sets the figure moving or resting, as the routine and the page's visibility say. While it moves, the
 * page sets its time a few times a second from the segment's clock: in step with the reps, and far
 * cheaper to watch than the animation's own frame-by-frame redraws.
 */
function moveFigure(): void {
  const state = motionState();
  const moves = svg !== null && state !== undefined && figureMoves(state);
  if (moves === (figureTimer !== undefined)) return;
  clearTimeout(figureTimer);
  figureTimer = undefined;
  if (!moves) return;
  const stepFigure = (): void => {
    const seg = segment();
    const step = stepOf(seg);
    if (!svg || !seg || !step) return;
    const elapsedMs = seg.durationMs - remainingMs();
    svg.setCurrentTime(elapsedMs / 1000);
    // Held poses are not drawn again until the hold ends.
    figureTimer = setTimeout(stepFigure, msToNextPose(elapsedMs, step.tempo.secondsPerRep * 1000, figureHolds));
  };
  stepFigure();
}

/** Draws the count now and again when a number shown changes: not every frame, so the ring moves once a second. */
function scheduleCount(): void {
  clearTimeout(countTimer);
  countTimer = undefined;
  const state = motionState();
  const seg = segment();
  const step = stepOf(seg);
  if (!state || !seg || !step) return;
  const msPerRep = step.kind === 'reps' && step.reps !== null ? step.tempo.secondsPerRep * 1000 : undefined;
  const delay = msToNextCount(state, remainingMs(), seg.durationMs, msPerRep);
  if (delay === undefined) return;
  // A little past the change, so the number read then is the new one.
  countTimer = setTimeout(() => {
    countTimer = undefined;
    drawCount();
    scheduleCount();
  }, delay + 5);
}

/** The sound cue (opt-in): made here, no audio files. Browsers allow it only after a click or a key. */
let audio: AudioContext | null = null;
function unlockAudio(): void {
  if (!data?.sound || audio) return;
  audio = new AudioContext();
}
function chime(frequencies: readonly number[]): void {
  if (!data?.sound || !audio) return;
  const start = audio.currentTime;
  frequencies.forEach((frequency, i) => {
    if (!audio) return;
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.type = 'sine';
    tone.frequency.value = frequency;
    const at = start + i * 0.18;
    gain.gain.setValueAtTime(0, at);
    gain.gain.linearRampToValueAtTime(0.07, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.35);
    tone.connect(gain).connect(audio.destination);
    tone.start(at);
    tone.stop(at + 0.4);
  });
}
document.addEventListener('pointerdown', unlockAudio);
document.addEventListener('keydown', unlockAudio);

function announce(text: string): void {
  live.textContent = text;
}

/** Redraws what changes with the segment (and announces it). */
function drawSegment(): void {
  if (!data || !player) return;
  const seg = segment();
  const step = stepOf(seg);
  if (!seg || !step) return;
  const key = `${player.segment}|${player.status}|${data.routineId}`;
  const total = data.steps.length;
  title.textContent = data.routineName;
  const news =
    data.note && player.status !== 'finished' ? t('{0} Keep going to finish the move, or press Finish to stop here.', data.note) : '';
  if (note.textContent !== news) {
    note.textContent = news;
    note.hidden = !news;
    if (news) announce(news);
  }
  where.textContent = t('Exercise {0} of {1}', seg.step + 1, total);
  showPicture(seg, step);
  name.textContent = step.name;
  muscles.textContent = step.muscleLabels.join(', ');
  swapped.textContent = step.replaces ? t('In place of {0}, which needs equipment you don’t have.', step.replaces) : '';
  swapped.hidden = !step.replaces;
  steps.replaceChildren(...step.steps.map((s) => el('li', { text: s })));
  caution.textContent = step.caution;
  const setText = seg.sets > 1 ? t('Set {0} of {1}', seg.set, seg.sets) : '';
  const parts = [setText, sideText(seg)].filter(Boolean).join(' · ');
  if (seg.kind === 'ready') phase.textContent = seg.step === 0 ? t('Get ready') : t('Up next');
  else if (seg.kind === 'rest') phase.textContent = parts ? t('Rest · next: {0}', parts) : t('Rest');
  else phase.textContent = parts || step.doseText;
  const nextStep = data.steps[seg.step + 1];
  upNext.textContent = nextStep ? t('After this: {0}', nextStep.name) : t('Last exercise');
  safety.hidden = !(seg.kind === 'ready' && seg.step === 0);
  condition.textContent = data.conditionNote ?? '';
  condition.hidden = !data.conditionNote;
  const paused = player.status === 'paused';
  pauseButton.dataset.action = paused ? 'resume' : 'pause';
  (pauseButton.firstChild as HTMLElement).textContent = paused ? t('Resume') : t('Pause');
  pauseButton.setAttribute('aria-pressed', String(paused));
  document.body.classList.toggle('is-paused', paused);
  document.body.dataset.segmentKind = seg.kind;
  moveFigure();
  if (key !== shownKey) {
    if (shownKey !== '' && !paused) chime(seg.kind === 'work' ? [660] : [440]);
    shownKey = key;
    shownSecond = -1;
    shownRep = -1;
    const restSeconds = Math.round(seg.durationMs / 1000);
    if (paused) announce(t('Paused'));
    else if (seg.kind === 'ready') announce(t(seg.step === 0 ? 'Get ready: {0}. {1}.' : 'Up next: {0}. {1}.', step.name, step.doseText));
    else if (seg.kind === 'rest') announce(t(singular(restSeconds) ? 'Rest, {0} second.' : 'Rest, {0} seconds.', restSeconds));
    else announce(`${step.name}. ${[parts, step.doseText].filter(Boolean).join('. ')}.`);
  }
}

/** Redraws the count and its ring; touches the page only when a number changes. */
function drawCount(): void {
  if (!player || !data || player.status === 'finished') return;
  const seg = segment();
  const step = stepOf(seg);
  if (!seg || !step) return;
  const left = remainingMs();
  const elapsed = seg.durationMs - left;
  const fraction = seg.durationMs > 0 ? Math.min(1, elapsed / seg.durationMs) : 1;
  ringSvg.lastElementChild?.setAttribute('stroke-dashoffset', (RING_C * fraction).toFixed(1));
  const second = Math.ceil(left / 1000);
  if (seg.kind === 'work' && step.kind === 'reps' && step.reps !== null) {
    const rep = Math.min(step.reps, Math.floor(elapsed / (step.tempo.secondsPerRep * 1000)) + 1);
    if (rep !== shownRep) {
      shownRep = rep;
      countBig.textContent = String(rep);
      countSmall.textContent = t(singular(step.reps) ? 'of {0} rep' : 'of {0} reps', step.reps);
      count.setAttribute('aria-label', t('Rep {0} of {1}', rep, step.reps));
    }
  } else if (second !== shownSecond) {
    countBig.textContent = formatSeconds(left);
    countSmall.textContent =
      seg.kind === 'work' ? (step.kind === 'hold' ? t('hold') : t('keep going')) : seg.kind === 'rest' ? t('rest') : t('get ready');
    count.setAttribute('aria-label', t(singular(second) ? '{0} second left' : '{0} seconds left', second));
    if (player.status === 'running' && second <= 3 && second >= 1 && shownSecond !== -1) announce(String(second));
  }
  shownSecond = second;
  const progress = Math.round(player.progress * 100);
  bar.setAttribute('aria-valuenow', String(progress));
  (bar.firstChild as HTMLElement).style.width = `${progress}%`;
}

function drawSummary(): void {
  if (!data || !player) return;
  const done = new Set(player.completedSteps);
  const items = data.steps.map((s, i) =>
    el('li', { className: done.has(i) ? 'done' : 'not-done', text: `${done.has(i) ? '✓' : '–'} ${s.name}` }),
  );
  const close = el('button', { className: 'button primary', text: t('Close'), attrs: { type: 'button' } });
  close.addEventListener('click', () => act('close'));
  const allDone = done.size === data.steps.length;
  // A move while something ran is exercise, never a break.
  const move = data.routineId.startsWith(MOVE_ROUTINE_PREFIX);
  const heading = el('h2', {
    text: allDone ? (move ? t('Move done') : t('Routine done')) : player.early ? t('Stopped early') : t('Routine ended'),
    attrs: { tabindex: '-1' },
  });
  const total = data.steps.length;
  const counted = move
    ? done.size === 0
      ? t('Not completed, so it does not count.')
      : t('It counts as exercise, not as a break.')
    : done.size === 0
      ? t('No exercise was completed, so it does not count as a break.')
      : t(
          singular(total)
            ? '{0} of {1} exercise completed. It counts as a break.'
            : '{0} of {1} exercises completed. It counts as a break.',
          done.size,
          total,
        );
  summary.replaceChildren(heading, el('p', { text: counted }), el('ul', { className: 'summary-list' }, ...items), close);
  summary.hidden = false;
  if (!document.body.classList.contains('is-finished')) chime([523, 659, 784]);
  document.body.classList.add('is-finished');
  // Only a page that has the focus moves it to the summary: a routine or move opened beside the editor
  // never takes it from where the person types.
  if (document.hasFocus()) heading.focus();
  announce(`${heading.textContent ?? ''}. ${counted}`);
}

function apply(next: PlayerSnapshot): void {
  player = next;
  localEndsAt = performance.now() + next.remainingMs;
  if (next.status === 'finished') {
    drawSegment();
    drawSummary();
  } else {
    summary.hidden = true;
    document.body.classList.remove('is-finished');
    drawSegment();
    drawCount();
  }
  scheduleCount();
  save();
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const message = parseToRoutinePage(event.data);
  if (!message) return;
  if (message.type === 'routine') {
    data = message.data;
    pictureKey = '';
    shownKey = '';
  }
  if (data) apply(message.player);
});

document.addEventListener('keydown', (e) => {
  if (!player || e.altKey || e.ctrlKey || e.metaKey) return;
  if (player.status === 'finished') {
    if (e.key === 'Escape') act('close');
    return;
  }
  const onButton = e.target instanceof HTMLButtonElement;
  if (e.key === ' ' && !onButton) act(player.status === 'paused' ? 'resume' : 'pause');
  else if (e.key === 'ArrowRight') act('next');
  else if (e.key === 'ArrowLeft') act('back');
  else if (e.key === 'Escape') act('finish');
  else return;
  e.preventDefault();
});
// Out of sight nothing moves; back in sight, the count and the figure catch up with the routine.
document.addEventListener('visibilitychange', () => {
  if (player?.status !== 'finished') drawCount();
  moveFigure();
  scheduleCount();
});
window.matchMedia('(prefers-reduced-motion: reduce)').addEventListener('change', () => {
  pictureKey = '';
  drawSegment();
});

buildFrame();
// Start-up data (a routine opened by a command); a restored page waits for the host instead.
try {
  const start = parseToRoutinePage({ type: 'routine', ...(JSON.parse(document.body.dataset.upright ?? 'null') as object) });
  if (start?.type === 'routine') {
    data = start.data;
    apply(start.player);
  }
} catch {
  /* nothing to show until the host sends the routine */
}
send({ type: 'ready' });
