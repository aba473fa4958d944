/** Where the chapters' progress is remembered (progress.ts), said apart so the first script can ask whether any exists without loading the chapters. */
export const PROGRESS_STORAGE_KEY = 'rocketscope.chapters';
