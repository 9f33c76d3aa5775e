"use client";

import { useRef, useState, type FormEvent } from "react";
import type { ZodType } from "zod";
import { useAction, type SingleInputActionFn } from "next-safe-action/hooks";

/** An action as the hooks take it: typed by its zod input schema (next-safe-action's own function type). */
type SafeAction<ServerError, Schema extends ZodType | undefined, ShapedErrors, Data> = SingleInputActionFn<ServerError, Schema, ShapedErrors, Data>;
/** What the client hands the action (the schema's input side). */
type InputOf<Schema> = Schema extends ZodType ? Schema["_zod"]["input"] : undefined;

/**
 * What the hooks read back. Field errors are keyed by a field's path: the schema's own keys (zod's flattened
 * errors) or a row's field (`shares.0.unitId`) that a service names with `FieldError`.
 */
type ActionResult<Data> = {
  data?: Data;
  serverError?: string;
  validationErrors?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> };
};

/**
 * What a form hands to its action: the action's own field names (from its zod schema), with values as the form
 * has them (strings, checkbox lists); the server's schema parses and coerces them. A key the schema does not
 * have fails to compile, so a renamed field is caught in every form that sets it.
 */
export type FormInput<Input> = Input extends object ? { [K in keyof Input]?: unknown } : Input;

type Keys<T> = T extends readonly unknown[] ? never : T extends object ? Extract<keyof T, string> : never;
type Deeper = [never, 0, 1, 2];
/**
 * The names a form may give its fields: the schema's keys, and for arrays of rows `rows.0.field` (the index, then
 * the row's key), down to three levels. A name the schema does not have fails to compile.
 */
export type FieldName<T, Depth extends number = 3> = [Depth] extends [never]
  ? never
  : T extends readonly (infer Row)[]
    ? `${number}` | `${number}.${FieldName<NonNullable<Row>, Deeper[Depth]>}`
    : T extends object
      ? { [K in Keys<T>]: K | `${K}.${FieldName<NonNullable<T[K]>, Deeper[Depth]>}` }[Keys<T>]
      : never;

/** The field errors of a form, by the field names its schema allows (and the form-only names it declares). */
export type FieldErrors<Input, Extra extends string = never> = Partial<Record<FieldName<Input> | Extra, string[]>>;

/**
 * Declares the names a form holds that its action's schema does not: controls a `transform` reshapes (a radio
 * per bid, a weight per key) and names a service reports an error under (`reason_<id>`). Type-only, e.g.
 * `formOnly: formOnly<"winner" | \`reason_${string}\`>()`; every other name must be the schema's.
 */
export function formOnly<Names extends string>(): readonly Names[] {
  return [];
}

/** Reads a form into a plain object; names listed in `arrays` collect every checked value. */
export function formValues(form: HTMLFormElement, arrays: readonly string[] = []): Record<string, unknown> {
  const data = new FormData(form);
  const values: Record<string, unknown> = {};
  for (const key of new Set(data.keys())) {
    values[key] = arrays.includes(key) ? data.getAll(key) : data.get(key);
  }
  for (const key of arrays) values[key] ??= [];
  return values;
}

/** A field's error goes once the user edits that field (its name), until the next submit answers again. */
export function visibleFieldErrors(errors: Record<string, string[] | undefined>, edited: ReadonlySet<string>): Record<string, string[]> {
  const visible: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(errors)) {
    if (messages?.length && !edited.has(key)) visible[key] = messages;
  }
  return visible;
}

/**
 * The typed ways a form names its fields, all checked against the action's schema:
 * - `field(name)`: the props of the field's input/select/textarea (name, id, aria-invalid, aria-describedby);
 *   `{ id }` when one page shows the form more than once (the id must stay unique, the name stays the schema's);
 * - `frame(name)`: the props of the `<Field>` around it (its label's target and its errors);
 * - `control(name)`: `field` without the name, for a control held in React state that posts nothing itself (a row
 *   of a list the `transform` builds), so its id and error state still follow the schema's path (`shares.0.unitId`);
 * - `name(name)`: the name alone, for controls that share it (checkbox lists, radios) and hidden inputs;
 * - `errorOf(name)`: the field's messages, for errors drawn by hand (a fieldset's list).
 */
export function fieldHelpers<Input, Extra extends string = never>(errors: FieldErrors<Input, Extra>) {
  type Name = FieldName<Input> | Extra;
  const errorOf = (name: Name): string[] | undefined => errors[name];
  const control = (name: Name, options: { id?: string } = {}) => {
    const id = options.id ?? name;
    const invalid = Boolean(errorOf(name)?.length);
    // Field draws each message with the id `${id}-error`.
    return { id, "aria-invalid": invalid, "aria-describedby": invalid ? `${id}-error` : undefined };
  };
  return {
    errorOf,
    name: (name: Name): string => name,
    field: (name: Name, options: { id?: string } = {}) => ({ name: name as string, ...control(name, options) }),
    control,
    frame: (name: Name, options: { id?: string } = {}) => ({ name: options.id ?? name, errors: errorOf(name) }),
  };
}

/**
 * The helpers as a part of a form drawn by a shared component receives them (`form: FieldHelpers<"title" | "goals">`):
 * the component names only these fields, and a form whose schema lacks one of them fails to compile where it passes
 * its helpers in.
 */
export type FieldHelpers<Names extends string> = ReturnType<typeof fieldHelpers<{ [K in Names]: unknown }>>;

/**
 * Submits a form to a safe action. Inputs stay uncontrolled, so a failed submit keeps what was
 * typed; a second submit while one is in flight is ignored, so a double click makes one request.
 * A field's error clears as soon as the user edits that field (the form's own input events), so the
 * errors shown are only those still unanswered. The field names come from the action's schema
 * (`field`, `frame`, `name`, `errorOf`), so renaming a schema's field fails to compile in the form.
 */
export function useActionForm<ServerError, Schema extends ZodType | undefined, ShapedErrors, Data, Extra extends string = never>(
  action: SafeAction<ServerError, Schema, ShapedErrors, Data>,
  options: {
    /** Names the form holds that the schema does not (see `formOnly`). */
    formOnly?: readonly Extra[];
    /** Names whose every checked value is collected (checkbox lists). */
    arrays?: readonly NoInfer<FieldName<InputOf<Schema>> | Extra>[];
    /** Fields the form does not hold (the record's id and version, a parent's id), added to what it does. */
    with?: NoInfer<FormInput<InputOf<Schema>>>;
    /** For forms whose fields are reshaped (weights by key, one row per bid); `raw` holds the fields by name. */
    transform?: (values: NoInfer<FormInput<InputOf<Schema>>>, raw: Record<string, unknown>) => NoInfer<FormInput<InputOf<Schema>>>;
    onSuccess?: (data: Data) => void;
  } = {},
) {
  const inFlight = useRef(false);
  const { executeAsync, result, isPending } = useAction(action, { onSuccess: ({ data }) => options.onSuccess?.(data as Data) });
  const typed = result as ActionResult<Data>;
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const listening = useRef<HTMLFormElement | null>(null);
  function listen(form: HTMLFormElement) {
    if (listening.current === form) return;
    listening.current = form;
    const mark = (event: Event) => {
      const name = (event.target as HTMLInputElement | null)?.name;
      if (name) setEdited((previous) => (previous.has(name) ? previous : new Set(previous).add(name)));
    };
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
  }
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    listen(event.currentTarget);
    setEdited(new Set());
    try {
      const values = { ...formValues(event.currentTarget, options.arrays), ...(options.with as object | undefined) };
      const input = options.transform ? options.transform(values as FormInput<InputOf<Schema>>, values) : values;
      // The one boundary: what the form holds (strings, checkbox lists) goes to the schema, which parses it.
      await executeAsync(input as InputOf<Schema> as Parameters<typeof executeAsync>[0]);
    } finally {
      inFlight.current = false;
    }
  }
  const fieldErrors = visibleFieldErrors(typed.validationErrors?.fieldErrors ?? {}, edited) as FieldErrors<InputOf<Schema>, Extra>;
  return {
    onSubmit,
    pending: isPending,
    fieldErrors,
    ...fieldHelpers<InputOf<Schema>, Extra>(fieldErrors),
    formError: typed.serverError ?? typed.validationErrors?.formErrors?.[0],
    data: typed.data,
  };
}

/** Runs a one-click action (deactivate, reset …) with the same error handling. */
export function useActionButton<ServerError, Schema extends ZodType | undefined, ShapedErrors, Data>(
  action: SafeAction<ServerError, Schema, ShapedErrors, Data>,
  onSuccess?: (data: Data) => void,
) {
  const inFlight = useRef(false);
  const { executeAsync, result, isPending } = useAction(action, { onSuccess: ({ data }) => onSuccess?.(data as Data) });
  const typed = result as ActionResult<Data>;
  async function run(input: Parameters<typeof executeAsync>[0]) {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      await executeAsync(input);
    } finally {
      inFlight.current = false;
    }
  }
  const fieldErrors = (typed.validationErrors?.fieldErrors ?? {}) as FieldErrors<InputOf<Schema>>;
  return {
    run,
    pending: isPending,
    error: typed.serverError ?? typed.validationErrors?.formErrors?.[0],
    fieldErrors,
    ...fieldHelpers<InputOf<Schema>>(fieldErrors),
    data: typed.data,
  };
}
