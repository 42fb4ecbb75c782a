import { givenNames, surnames } from './partner-data.js';
import type { Random } from './random.js';

/** A Chinese full name: surname plus a one- or two-character given name. */
export const personName = (rnd: Random): string => rnd.pick(surnames) + rnd.pick(givenNames);

/** A mainland mobile number in the 13x range (11 digits). */
export const mobile = (rnd: Random): string => `13${rnd.int(0, 9)}${rnd.digits(8)}`;

/** A landline: area code and an 8-digit number (0571-86xxxxxx). */
export const landline = (rnd: Random, areaCode: string): string => `${areaCode}-${rnd.int(5, 8)}${rnd.digits(7)}`;
