interface PagerProps {
  label: string;
  summary: string;
  onPrevious?: () => void;
  onNext?: () => void;
}

/** Previous and next page; a missing handler means there is no such page. */
export function Pager({ label, summary, onPrevious, onNext }: PagerProps) {
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" onClick={onPrevious} disabled={!onPrevious}>
        ← Previous
      </button>
      <span aria-live="polite">{summary}</span>
      <button type="button" onClick={onNext} disabled={!onNext}>
        Next →
      </button>
    </nav>
  );
}
