import { splitByMatch } from './highlight';

/** `text` with the part matching `query` in a <mark>. */
export function HighlightedText({ text, query }: { text: string; query: string }) {
  return (
    <>
      {splitByMatch(text, query).map((part, index) =>
        part.matched ? (
          <mark key={index} className="rounded-sm bg-accent-subtle px-px font-semibold text-accent">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}
