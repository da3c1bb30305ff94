/**
 * Import size limits. A tiny module of its own so the main thread can show them without loading
 * the validation code (which runs only in the import worker).
 */

/** Largest file the import accepts (bytes). At least 50 MB must load. */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/**
 * Most source bytes of imported layers counted as blue-green in the analysis, in total. The analysis
 * worker dissolves every counted polygon into its grid; beyond this the union would keep the figures
 * waiting for minutes, so the user is told to simplify the file instead.
 */
export const MAX_ANALYSIS_IMPORT_BYTES = 20 * 1024 * 1024;
