/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a 31-character set
 * (digits and capitals without I, O, S, V, Z); the 18th is a check character over the first 17 with
 * weights 3^i mod 31 and check = (31 − Σ mod 31) mod 31.
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = Array.from({ length: 17 }, (_, i) => 3 ** i % 31);
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += USCC_CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  return USCC_CHARSET[(31 - (sum % 31)) % 31];
}

/** Upper-cases and trims what a person typed; validation is on the normalised form. */
export function normalizeUscc(input: string): string {
  return input.trim().toUpperCase();
}

export function isValidUscc(code: string): boolean {
  return SHAPE.test(code) && usccCheckChar(code.slice(0, 17)) === code[17];
}
