import { z } from 'zod';

/** KIS REST payloads as documented; every value is a string. */

const decimalPattern = /^[+-]?\d+(\.\d+)?$/;

export const kisNumber = z.string().regex(decimalPattern, 'expected a number').transform(Number);

/** Optional facts (PER, EPS …) come back empty when KIS has none. */
export const kisOptionalNumber = z
  .string()
  .refine((value) => value === '' || decimalPattern.test(value), 'expected a number')
  .transform((value) => (value === '' ? null : Number(value)))
  .optional()
  .transform((value) => value ?? null);

export const kisDate = z
  .string()
  .regex(/^\d{8}$/, 'expected YYYYMMDD')
  .transform((value) => `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`);

/** `POST /oauth2/tokenP` */
export const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]),
  access_token_token_expired: z.string().optional(),
});

/** `POST /oauth2/Approval` */
export const approvalResponseSchema = z.object({ approval_key: z.string().min(1) });

/** `inquire-price` (FHKST01010100) `output`. */
export const priceOutputSchema = z.object({
  stck_prpr: kisNumber,
  prdy_vrss: kisNumber,
  prdy_ctrt: kisNumber,
  acml_vol: kisNumber,
  stck_oprc: kisNumber,
  stck_hgpr: kisNumber,
  stck_lwpr: kisNumber,
  stck_sdpr: kisNumber,
  per: kisOptionalNumber,
  pbr: kisOptionalNumber,
  eps: kisOptionalNumber,
  bps: kisOptionalNumber,
  /** Market capitalisation in units of 100 million won (억원). */
  hts_avls: kisOptionalNumber,
  lstn_stcn: kisOptionalNumber,
  w52_hgpr: kisOptionalNumber,
  w52_lwpr: kisOptionalNumber,
  bstp_kor_isnm: z.string().optional(),
});

export const priceResponseSchema = z.object({ output: priceOutputSchema });

/** Chart rows before the listing date come back with empty strings; the provider skips them. */
export const chartResponseSchema = z.object({
  output2: z.array(z.record(z.string(), z.unknown())),
});

export const chartBarSchema = z.object({
  stck_bsop_date: kisDate,
  stck_oprc: kisNumber,
  stck_hgpr: kisNumber,
  stck_lwpr: kisNumber,
  stck_clpr: kisNumber,
  acml_vol: kisNumber,
});
