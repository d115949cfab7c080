import { useState, type FormEvent } from 'react';
import { checkToken, type TokenCheck } from '../session';

const PROBLEMS: Record<Exclude<TokenCheck, 'accepted'>, string> = {
  refused: 'The API refused this token. Use the API_TOKEN it was started with, or the token it printed at start-up.',
  unreachable: 'The API could not be reached. Is Voltstream running?',
};

export function SignIn({ notice, onSignedIn }: { notice: string | null; onSignedIn: (token: string) => void }) {
  const [token, setToken] = useState('');
  const [problem, setProblem] = useState<string | null>(notice);
  const [checking, setChecking] = useState(false);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setChecking(true);
    const check = await checkToken(token.trim());
    setChecking(false);
    if (check === 'accepted') onSignedIn(token.trim());
    else setProblem(PROBLEMS[check]);
  }

  return (
    <main className="sign-in">
      <form onSubmit={(event) => void submit(event)} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">⚡ Voltstream</h1>
        <p>Sign in with the operator API token.</p>
        <label htmlFor="token">API token</label>
        <input
          id="token"
          type="password"
          autoComplete="current-password"
          autoFocus
          value={token}
          onChange={(event) => setToken(event.target.value)}
          required
          aria-invalid={problem !== null}
          aria-describedby={problem ? 'sign-in-problem' : undefined}
        />
        {problem && (
          <p id="sign-in-problem" role="alert" className="problem">
            {problem}
          </p>
        )}
        <button type="submit" disabled={checking || token.trim() === ''}>
          {checking ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
