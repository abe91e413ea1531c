/** Every command Upright contributes, by the id package.json gives it. */
export const COMMANDS = {
  startRoutine: 'upright.startRoutine',
  startExercise: 'upright.startExercise',
  takeBreak: 'upright.takeBreak',
  snooze: 'upright.snooze',
  skip: 'upright.skip',
  pause: 'upright.pause',
  resume: 'upright.resume',
  logBreak: 'upright.logBreak',
  browseExercises: 'upright.browseExercises',
  showStats: 'upright.showStats',
  exportHistory: 'upright.exportHistory',
  clearHistory: 'upright.clearHistory',
  showMenu: 'upright.showMenu',
  setBand: 'upright.setBand',
} as const;
