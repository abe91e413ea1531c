/**
 * The built-in routines' ids, apart from their definitions: settings check a routine id against them
 * at every start, while the definitions load with the panels (a unit test keeps the two the same).
 */
export const BUILT_IN_ROUTINE_IDS = ['posture-reset', 'desk-stretch', 'warm-up', 'full-upper-back', 'lower-back-and-grip'] as const;

export const DEFAULT_ROUTINE_ID = 'posture-reset';
