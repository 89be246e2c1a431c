// Every default of the eval stage, in one place.

export const EVAL_DEFAULTS = {
  /** gold files are `NAME.gold.json` */
  goldSuffix: '.gold.json',
  /** decimals of P, R and F1 in the human report */
  decimals: 3,
  /** how many document names one warning lists before "… and N more" */
  listLimit: 10,
  /** longest excerpt of a bad value quoted in an error message */
  quoteLimit: 60,
} as const;
