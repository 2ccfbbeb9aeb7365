import { z } from 'zod';

/*
 * Free text as people type it. Messages are keys (see accounts.ts). Names, addresses and search
 * words are one line; descriptions, house rules and key instructions are prose where line
 * breaks and tabs are the author's layout. No other control character gets through: they
 * corrupt what is displayed, and a NUL is not even storable in PostgreSQL.
 */
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
const CONTROL_CHARACTERS_BUT_LAYOUT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export const line = (max: number) =>
  z.string().trim().max(max, { error: 'text.too_long' }).refine((value) => !CONTROL_CHARACTERS.test(value), { error: 'text.control_characters' });
export const prose = (max: number) =>
  z.string().trim().max(max, { error: 'text.too_long' }).refine((value) => !CONTROL_CHARACTERS_BUT_LAYOUT.test(value), { error: 'text.control_characters' });
