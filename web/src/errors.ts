// The graph names the field of a bad input (BAD_USER_INPUT with extensions.field / extensions.problems): forms show
// each reason beside its field.
import type { ApolloError } from '@apollo/client';
import type { FormInstance } from 'antd';

export interface FieldProblem { field: string; reason: string }

export function fieldProblems(error: unknown): FieldProblem[] {
  const e = error as ApolloError | undefined;
  const out: FieldProblem[] = [];
  for (const g of e?.graphQLErrors ?? []) {
    if (g.extensions?.code !== 'BAD_USER_INPUT') continue;
    const problems = g.extensions.problems as FieldProblem[] | undefined;
    if (problems?.length) out.push(...problems);
    else if (typeof g.extensions.field === 'string') out.push({ field: g.extensions.field, reason: String(g.extensions.reason ?? g.message) });
  }
  return out;
}

/** `input.items[0].name` → ['items', 0, 'name'] (the form's name path); a leading `input.` is the argument's name. */
export function namePath(field: string): (string | number)[] {
  return field.replace(/^input\./, '').split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Puts every field problem beside its field; returns the problems no field of this form shows (for a banner). */
export function showFieldErrors(form: FormInstance, error: unknown, known: string[]): FieldProblem[] {
  const problems = fieldProblems(error);
  const rest: FieldProblem[] = [];
  const byField = new Map<string, string[]>();
  for (const p of problems) {
    const path = namePath(p.field);
    if (!known.includes(String(path[0]))) { rest.push(p); continue; }
    const key = JSON.stringify(path);
    byField.set(key, [...(byField.get(key) ?? []), p.reason]);
  }
  form.setFields([...byField].map(([k, errors]) => ({ name: JSON.parse(k) as (string | number)[], errors })));
  return rest;
}

export function messageOf(error: unknown): string {
  const e = error as ApolloError | undefined;
  return e?.graphQLErrors?.map((g) => `${g.extensions?.code ?? ''} ${g.message}`).join('; ') || e?.message || String(error);
}
