import { useState } from 'react';
import { useMutation, type AnyVariables, type TypedDocumentNode } from 'urql';
import { answerOf, type Answer } from '../api/answer';

/**
 * A command's result, the mutation's one field: the wallbox's status; or, for a command whose answer
 * has none (UpdateFirmware: true once confirmed; GetDiagnostics: a file name), that it was accepted.
 */
type StatusData = Record<string, object | boolean>;

const ACCEPTED = 'Accepted';

function statusOf(data: StatusData | undefined): string | undefined {
  const [reply] = Object.values(data ?? {});
  if (reply === undefined) return undefined;
  return typeof reply === 'object' && 'status' in reply && typeof reply.status === 'string' ? reply.status : ACCEPTED;
}

/**
 * Sends a command to a wallbox; the answer stays beside the control that sent it. `onAnswered` gets
 * the whole result of an answered command (a reservation's id, a diagnostics file name…).
 */
export function useCommand<D extends StatusData, V extends AnyVariables>(
  document: TypedDocumentNode<D, V>,
  onAnswered?: (data: D) => void,
): [Answer | null, (variables: V) => Promise<void>] {
  const [, execute] = useMutation<D, V>(document);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const run = async (variables: V) => {
    setAnswer({ kind: 'pending' });
    const result = await execute(variables);
    setAnswer(answerOf(statusOf(result.data), result.error));
    if (result.data && !result.error) onAnswered?.(result.data);
  };
  return [answer, run];
}

const TEXT: Record<Exclude<Answer['kind'], 'answered'>, string> = {
  pending: 'Sending…',
  offline: 'Offline',
  timeout: 'Timeout: no answer in time',
  failed: 'Failed',
};

/** The wallbox's answer, announced to screen readers as it arrives. */
export function AnswerBadge({ answer }: { answer: Answer | null }) {
  if (!answer) return <span role="status" className="answer" />;
  const tone = answer.kind === 'answered' ? (answer.positive ? 'good' : 'bad') : answer.kind === 'pending' ? 'quiet' : 'bad';
  const text = answer.kind === 'answered' ? answer.status : TEXT[answer.kind];
  const detail = 'message' in answer ? answer.message : undefined;
  return (
    <span role="status" className={`answer answer-${tone}`} title={detail}>
      {text}
      {answer.kind === 'failed' && detail ? `: ${detail}` : ''}
    </span>
  );
}

interface CommandButtonProps<D extends StatusData, V extends AnyVariables> {
  document: TypedDocumentNode<D, V>;
  variables: V;
  children: string;
  disabled?: boolean;
  /** Says which connector or charge point the button acts on, when its text alone does not. */
  label?: string;
  onAnswered?: (data: D) => void;
}

export function CommandButton<D extends StatusData, V extends AnyVariables>({ document, variables, children, disabled, label, onAnswered }: CommandButtonProps<D, V>) {
  const [answer, run] = useCommand(document, onAnswered);
  return (
    <span className="command">
      <button type="button" onClick={() => void run(variables)} disabled={disabled || answer?.kind === 'pending'} aria-label={label}>
        {children}
      </button>
      <AnswerBadge answer={answer} />
    </span>
  );
}
