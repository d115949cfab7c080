import { useState } from 'react';
import { useMutation, type TypedDocumentNode } from 'urql';
import { answerOf, type Answer } from '../api/answer';

type StatusData = Record<string, { status: string } | null | undefined>;

/** Sends a command to a wallbox; the answer stays beside the control that sent it. */
export function useCommand<V extends object>(document: TypedDocumentNode | string): [Answer | null, (variables: V) => Promise<void>] {
  const [, execute] = useMutation<StatusData, V>(document);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const run = async (variables: V) => {
    setAnswer({ kind: 'pending' });
    const result = await execute(variables);
    const [reply] = Object.values(result.data ?? {});
    setAnswer(answerOf(reply?.status, result.error));
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

interface CommandButtonProps<V extends object> {
  document: TypedDocumentNode | string;
  variables: V;
  children: string;
  disabled?: boolean;
  /** Says which connector or charge point the button acts on, when its text alone does not. */
  label?: string;
}

export function CommandButton<V extends object>({ document, variables, children, disabled, label }: CommandButtonProps<V>) {
  const [answer, run] = useCommand<V>(document);
  return (
    <span className="command">
      <button type="button" onClick={() => void run(variables)} disabled={disabled || answer?.kind === 'pending'} aria-label={label}>
        {children}
      </button>
      <AnswerBadge answer={answer} />
    </span>
  );
}
