/** What the server refused a form with, announced when it appears; nothing while there is none. */
export function FormError(props: { message: string | undefined; testId?: string }) {
  if (props.message === undefined) return null;
  return (
    <p className="field-error" role="alert" data-testid={props.testId}>
      {props.message}
    </p>
  );
}
