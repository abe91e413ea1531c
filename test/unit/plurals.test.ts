import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

import { formatDose } from '../../src/core/exercises/cards';
import { formatSpokenDuration, sessionLabel } from '../../src/core/format';
import { HISTORY_COLUMNS, HISTORY_VERSION, parseHistory } from '../../src/core/history';
import { MS_PER_MINUTE } from '../../src/core/time';
import { bundleTranslator, fill, singular, useTranslator } from '../../src/shared/l10n';
import { counted, statsFormat } from '../../src/shared/statsChart';

const root = path.resolve(__dirname, '../../..');
const HOUR = 60 * MS_PER_MINUTE;

/** Core and shared text as a person using VS Code in this language sees it. */
function speak(language: 'en' | 'de' | 'es'): void {
  if (language === 'en') {
    useTranslator(fill);
    return;
  }
  const bundle = JSON.parse(fs.readFileSync(path.join(root, 'l10n', `bundle.l10n.${language}.json`), 'utf8')) as Record<string, unknown>;
  useTranslator(bundleTranslator(bundle), language);
}

/** The text for the counts 0, 1 and 2. */
const forCounts = <T>(text: (n: number) => T): T[] => [0, 1, 2].map(text);

const row = (day: number): string => `["2026-01-0${day}",${60_000 * day},1,0,0,1,0,0,0,0,0]`;
/** A history file of `total` days, the first `unreadable` of them damaged. */
const damagedHistory = (unreadable: number, total: number): string =>
  JSON.stringify({
    version: HISTORY_VERSION,
    // The columns of the first version's files: ten numbers a day.
    columns: HISTORY_COLUMNS.slice(0, 11),
    days: Array.from({ length: total }, (_, i) => (i < unreadable ? 'garbage' : (JSON.parse(row(i + 1)) as unknown))),
    exercises: {},
    exercisesThrough: null,
  });

interface Expected {
  readonly label: string[];
  readonly hours: string[];
  readonly days: string[];
  readonly times: string[];
  readonly breaks: string[];
  readonly reps: string[];
  readonly recovered: string[];
  readonly unreadable: string[];
}

const EXPECTED: Record<'en' | 'de' | 'es', Expected> = {
  en: {
    label: [
      'Upright: 0 minutes coding since your last break, 0 minutes today. Activate for the menu.',
      'Upright: 1 minute coding since your last break, 1 hour and 1 minute today. Activate for the menu.',
      'Upright: 2 minutes coding since your last break, 2 hours and 2 minutes today. Activate for the menu.',
    ],
    hours: ['0 minutes', '1 hour', '2 hours'],
    days: ['0 days', '1 day', '2 days'],
    times: ['0 times', '1 time', '2 times'],
    breaks: ['0 breaks', '1 break', '2 breaks'],
    reps: ['0 reps', '1 rep', '2 reps'],
    recovered: [
      'it is not valid JSON (cut short or damaged); 0 days were recovered',
      'it is not valid JSON (cut short or damaged); 1 day was recovered',
      'it is not valid JSON (cut short or damaged); 2 days were recovered',
    ],
    unreadable: [
      '1 of 1 day was unreadable and was left out',
      '1 of 3 days was unreadable and was left out',
      '2 of 3 days were unreadable and were left out',
    ],
  },
  de: {
    label: [
      'Upright: 0 Minuten Programmierzeit seit deiner letzten Pause, 0 Minuten heute. Aktivieren öffnet das Menü.',
      'Upright: 1 Minute Programmierzeit seit deiner letzten Pause, 1 Stunde und 1 Minute heute. Aktivieren öffnet das Menü.',
      'Upright: 2 Minuten Programmierzeit seit deiner letzten Pause, 2 Stunden und 2 Minuten heute. Aktivieren öffnet das Menü.',
    ],
    hours: ['0 Minuten', '1 Stunde', '2 Stunden'],
    days: ['0 Tage', '1 Tag', '2 Tage'],
    times: ['0-mal', '1-mal', '2-mal'],
    breaks: ['0 Pausen', '1 Pause', '2 Pausen'],
    reps: ['0 Wiederholungen', '1 Wiederholung', '2 Wiederholungen'],
    recovered: [
      'kein gültiges JSON (abgeschnitten oder beschädigt); 0 Tage wurden wiederhergestellt',
      'kein gültiges JSON (abgeschnitten oder beschädigt); 1 Tag wurde wiederhergestellt',
      'kein gültiges JSON (abgeschnitten oder beschädigt); 2 Tage wurden wiederhergestellt',
    ],
    unreadable: [
      '1 von 1 Tag war nicht lesbar und wurde ausgelassen',
      '1 von 3 Tagen war nicht lesbar und wurde ausgelassen',
      '2 von 3 Tagen waren nicht lesbar und wurden ausgelassen',
    ],
  },
  es: {
    label: [
      'Upright: 0 minutos programando desde tu última pausa, 0 minutos hoy. Actívalo para abrir el menú.',
      'Upright: 1 minuto programando desde tu última pausa, 1 hora y 1 minuto hoy. Actívalo para abrir el menú.',
      'Upright: 2 minutos programando desde tu última pausa, 2 horas y 2 minutos hoy. Actívalo para abrir el menú.',
    ],
    hours: ['0 minutos', '1 hora', '2 horas'],
    days: ['0 días', '1 día', '2 días'],
    times: ['0 veces', '1 vez', '2 veces'],
    breaks: ['0 pausas', '1 pausa', '2 pausas'],
    reps: ['0 repeticiones', '1 repetición', '2 repeticiones'],
    recovered: [
      'no es JSON válido (cortado o dañado); se recuperaron 0 días',
      'no es JSON válido (cortado o dañado); se recuperó 1 día',
      'no es JSON válido (cortado o dañado); se recuperaron 2 días',
    ],
    unreadable: [
      '1 de 1 día no se pudo leer y se omitió',
      '1 de 3 días no se pudo leer y se omitió',
      '2 de 3 días no se pudieron leer y se omitieron',
    ],
  },
};

describe('plural forms', () => {
  afterEach(() => useTranslator(fill));

  for (const language of ['en', 'de', 'es'] as const) {
    describe(language, () => {
      const expected = EXPECTED[language];
      beforeEach(() => speak(language));

      it('says the status bar timer with "1 minute" and "0 minutes"', () => {
        assert.deepEqual(
          forCounts((n) => sessionLabel(n * MS_PER_MINUTE, n * (HOUR + MS_PER_MINUTE))),
          expected.label,
        );
        assert.deepEqual(
          forCounts((n) => formatSpokenDuration(n * HOUR)),
          expected.hours,
        );
      });

      it('counts days, times and breaks on the Stats page', () => {
        const format = statsFormat(language);
        assert.deepEqual(
          forCounts((n) => counted(format, n, 'day')),
          expected.days,
        );
        assert.deepEqual(
          forCounts((n) => counted(format, n, 'time')),
          expected.times,
        );
        assert.deepEqual(
          forCounts((n) => counted(format, n, 'break')),
          expected.breaks,
        );
      });

      it('counts an exercise’s reps', () => {
        assert.deepEqual(
          forCounts((reps) =>
            formatDose({ kind: 'reps', reps, secondsPerRep: 3, sets: 1, perSide: false, restSeconds: 0, source: 'test' }),
          ),
          expected.reps,
        );
      });

      it('counts the days saved from a damaged history, and the days lost from it', () => {
        assert.deepEqual(
          forCounts((n) =>
            parseHistory(`{"version":1,"days":[${Array.from({ length: n }, (_, i) => row(i + 1)).join(',')}`).problems.join(),
          ),
          expected.recovered,
        );
        assert.deepEqual(
          [damagedHistory(1, 1), damagedHistory(1, 3), damagedHistory(2, 3)].map((text) => parseHistory(text).problems.join()),
          expected.unreadable,
        );
      });
    });
  }

  it('follows the language of the text: English rules without a bundle, whatever the display language', () => {
    useTranslator(fill);
    assert.deepEqual(forCounts(singular), [false, true, false]);
    // French counts 0 as one; with its bundle installed, 0 takes the one-form.
    useTranslator(fill, 'fr');
    assert.deepEqual(forCounts(singular), [true, true, false]);
    useTranslator(fill, 'not a language!');
    assert.deepEqual(forCounts(singular), [false, true, false]);
  });

  it('no message picks its form with a hard-coded "=== 1", which is English’s rule only', () => {
    const sources = (dir: string): string[] =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((d) => (d.isDirectory() ? sources(path.join(dir, d.name)) : d.name.endsWith('.ts') ? [path.join(dir, d.name)] : []));
    const found = sources(path.join(root, 'src')).flatMap((file) =>
      fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (/\bt\(\s*[\w.?]+\s*[!=]==?\s*1\s*\?/.test(line) ? [`${path.relative(root, file)}:${i + 1}`] : [])),
    );
    assert.deepEqual(found, []);
  });
});
