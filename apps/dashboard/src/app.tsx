import { lazy, Suspense, useState } from 'react';
import { BrowserRouter, NavLink, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { connectApi, type ApiConnection } from './api/client';
import { ChargePointPage } from './pages/charge-point';
import { FleetPage } from './pages/fleet';
import { SignIn } from './pages/sign-in';
import { TagsPage } from './pages/tags';
import { TransactionsPage } from './pages/transactions';
import { forgetToken, storedToken, storeToken } from './session';

// The pages with charts load ECharts when first opened: the fleet page comes up without it.
const TransactionPage = lazy(async () => ({ default: (await import('./pages/transaction')).TransactionPage }));
const ConsumptionPage = lazy(async () => ({ default: (await import('./pages/consumption')).ConsumptionPage }));

interface Session {
  connection: ApiConnection | null;
  notice: string | null;
  /** Counts the socket's reconnections: the pages are mounted afresh after each, and read everything again. */
  generation: number;
}

/** Signed in while the API accepts the token kept in sessionStorage; a refusal signs out with a notice. */
export function App() {
  const [session, setSession] = useState<Session>(() => ({ connection: connect(storedToken()), notice: null, generation: 0 }));

  function connect(token: string | null): ApiConnection | null {
    if (!token) return null;
    return connectApi(token, {
      onRefused: () => signOut('The API no longer accepts your token. Sign in again.'),
      onReconnected: () => setSession((current) => ({ ...current, generation: current.generation + 1 })),
    });
  }

  function signOut(notice: string | null): void {
    forgetToken();
    setSession((current) => {
      current.connection?.close();
      return { connection: null, notice, generation: 0 };
    });
  }

  function signIn(token: string): void {
    storeToken(token);
    setSession({ connection: connect(token), notice: null, generation: 0 });
  }

  if (!session.connection) return <SignIn notice={session.notice} onSignedIn={signIn} />;
  return (
    <Provider value={session.connection.client}>
      <BrowserRouter>
        <Layout key={session.generation} onSignOut={() => signOut(null)} />
      </BrowserRouter>
    </Provider>
  );
}

const PAGES = [
  ['/', 'Fleet'],
  ['/transactions', 'Transactions'],
  ['/consumption', 'Consumption'],
  ['/tags', 'Tags'],
] as const;

function Layout({ onSignOut }: { onSignOut: () => void }) {
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand" aria-hidden="true">
          ⚡ Voltstream
        </span>
        <nav aria-label="Pages">
          {PAGES.map(([path, name]) => (
            <NavLink key={path} to={path} end={path === '/'}>
              {name}
            </NavLink>
          ))}
        </nav>
        <button type="button" className="link" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <main id="main">
        <Suspense fallback={<p role="status">Loading…</p>}>
          <Routes>
          <Route path="/" element={<FleetPage />} />
          <Route path="/charge-points/:identity" element={<ChargePointPage />} />
          <Route path="/transactions" element={<TransactionsPage />} />
          <Route path="/transactions/:transactionId" element={<TransactionPage />} />
          <Route path="/consumption" element={<ConsumptionPage />} />
          <Route path="/tags" element={<TagsPage />} />
          <Route path="*" element={<p>There is no such page.</p>} />
          </Routes>
        </Suspense>
      </main>
    </>
  );
}
