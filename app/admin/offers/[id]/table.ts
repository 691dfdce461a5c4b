/** Rows shown on the offer's page; the CSV export has every one. */
export const SHOWN = 500;
export const cell = "py-2 pr-3 align-top";
