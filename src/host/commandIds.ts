/** The name of every command Upright contributes; its id in package.json is `upright.<name>`. */
const NAMES = [
  'startRoutine',
  'startExercise',
  'takeBreak',
  'snooze',
  'skip',
  'pause',
  'resume',
  'hold',
  'logBreak',
  'browseExercises',
  'showStats',
  'exportHistory',
  'clearHistory',
  'showMenu',
  'setBand',
  'answerAway',
  'moveNow',
  'setEyeBreaks',
  'skipEyeBreak',
] as const;

/** Every command's id, by name (the manifest test keeps them and package.json the same). */
export const COMMANDS = Object.fromEntries(NAMES.map((name) => [name, `upright.${name}`])) as {
  readonly [Name in (typeof NAMES)[number]]: `upright.${Name}`;
};
