/**
 * Why a command sent from an open timer or vote form was refused, inside that form, where the facilitator looks.
 * On a laptop the header's own refusal line hides while a form shows this one (it sat on top of the form); on a
 * phone the header's line is a row above the form, so this one is not shown there (facilitation.css).
 */
export function PopoverRefusal({ text }: { text: string }) {
  return (
    <p className="popover-refusal" role="alert" data-testid="popover-refusal">
      {text}
    </p>
  );
}
