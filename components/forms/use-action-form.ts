"use client";

import { useRef, useState, type FormEvent } from "react";
import { useAction } from "next-safe-action/hooks";

type ActionResult<Data> = {
  data?: Data;
  serverError?: string;
  validationErrors?: { formErrors: string[]; fieldErrors: Record<string, string[] | undefined> };
};
type Action<Input, Data> = (input: Input) => Promise<ActionResult<Data> | undefined>;

/**
 * What a form hands to its action: the action's own field names (from its zod schema), with values as the form
 * has them (strings, checkbox lists); the server's schema parses and coerces them. A key the schema does not
 * have fails to compile, so a renamed field is caught in every form that sets it.
 */
export type FormInput<Input> = Input extends object ? { [K in keyof Input]?: unknown } : Input;

/** Reads a form into a plain object; names listed in `arrays` collect every checked value. */
export function formValues(form: HTMLFormElement, arrays: string[] = []): Record<string, unknown> {
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
 * Submits a form to a safe action. Inputs stay uncontrolled, so a failed submit keeps what was
 * typed; a second submit while one is in flight is ignored, so a double click makes one request.
 * A field's error clears as soon as the user edits that field (the form's own input events), so the
 * errors shown are only those still unanswered.
 */
export function useActionForm<Input, Data>(
  action: Action<Input, Data>,
  options: {
    arrays?: string[];
    /** Fields the form does not hold (the record's id and version, a parent's id), added to what it does. */
    with?: NoInfer<FormInput<Input>>;
    /** For forms whose fields are reshaped (weights by key, one row per bid); `raw` holds the fields by name. */
    transform?: (values: NoInfer<FormInput<Input>>, raw: Record<string, unknown>) => NoInfer<FormInput<Input>>;
    onSuccess?: (data: Data) => void;
  } = {},
) {
  const inFlight = useRef(false);
  const { executeAsync, result, isPending } = useAction(action as never, {
    onSuccess: ({ data }: { data?: unknown }) => options.onSuccess?.(data as Data),
  });
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
      const values = { ...formValues(event.currentTarget, options.arrays), ...options.with };
      await executeAsync((options.transform ? options.transform(values as FormInput<Input>, values) : values) as never);
    } finally {
      inFlight.current = false;
    }
  }
  return {
    onSubmit,
    pending: isPending,
    fieldErrors: visibleFieldErrors(typed.validationErrors?.fieldErrors ?? {}, edited),
    formError: typed.serverError ?? typed.validationErrors?.formErrors?.[0],
    data: typed.data,
  };
}

/** Runs a one-click action (deactivate, reset …) with the same error handling. */
export function useActionButton<Input, Data>(action: Action<Input, Data>, onSuccess?: (data: Data) => void) {
  const inFlight = useRef(false);
  const { executeAsync, result, isPending } = useAction(action as never, { onSuccess: ({ data }: { data?: unknown }) => onSuccess?.(data as Data) });
  const typed = result as ActionResult<Data>;
  async function run(input: Input) {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      await executeAsync(input as never);
    } finally {
      inFlight.current = false;
    }
  }
  return {
    run,
    pending: isPending,
    error: typed.serverError ?? typed.validationErrors?.formErrors?.[0],
    fieldErrors: typed.validationErrors?.fieldErrors ?? {},
    data: typed.data,
  };
}
