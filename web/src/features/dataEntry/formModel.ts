/** What every part of the form reads: the values, what is typed, the findings, and whether it can be edited. */
import { createContext, useContext } from 'react';
import type { Finding } from '../../../../api/domain/validation';
import { domId } from './findings';

export type FormModel = {
  editable: boolean;
  /** Saved values overlaid with valid typed entries. */
  values: ReadonlyMap<string, number>;
  saved: Readonly<Record<string, number>>;
  entries: Readonly<Record<string, string>>;
  setEntry: (key: string, text: string) => void;
  /** Typed text that is not a count, and cells the server refused, with a message each. */
  cellProblems: ReadonlyMap<string, string>;
  byCell: ReadonlyMap<string, Finding[]>;
  byAnchor: ReadonlyMap<string, Finding[]>;
  explanations: Readonly<Record<string, string>>;
  /** Explanations the server refused as personal data, with what to change. */
  explanationProblems: ReadonlyMap<string, string>;
  setExplanation: (code: string, text: string) => void;
  /** The order Enter moves through the cells. */
  order: readonly string[];
};

export const FormModelContext = createContext<FormModel | null>(null);

export function useFormModel(): FormModel {
  const model = useContext(FormModelContext);
  if (!model) throw new Error('useFormModel must be used inside <FormModelContext>');
  return model;
}

/** The id of a cell's input. */
export function cellInputId(key: string): string {
  return domId('cell', key);
}

/** The id of a finding's message on the form. */
export function findingMessageId(code: string): string {
  return domId('finding', code);
}

/** The id of a warning's explanation box. */
export function explanationId(code: string): string {
  return domId('explain', code);
}

/**
 * Moves focus to a cell (selecting its text, so typing replaces it), or failing that to an element
 * with that id. Returns whether anything took focus.
 */
export function focusCell(key: string): boolean {
  const input = document.getElementById(cellInputId(key));
  if (input instanceof HTMLInputElement) {
    input.focus();
    input.select();
    return true;
  }
  return false;
}

/** Focuses the first cell of `cells` that is on the form, else the element with `fallbackId`. */
export function focusFirst(cells: readonly string[], fallbackId: string): void {
  for (const key of cells) if (focusCell(key)) return;
  const fallback = document.getElementById(fallbackId);
  if (fallback) {
    if (!fallback.hasAttribute('tabindex')) fallback.setAttribute('tabindex', '-1');
    fallback.focus();
  }
}
