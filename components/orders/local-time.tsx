'use client';

import { useEffect, useState } from 'react';
import { orderDate } from './format-order';

// A moment in the shopper's own time zone. The server cannot know the zone, so the first render (server and
// hydration alike) is the same UTC text, and the browser's zone replaces it after mount: no hydration mismatch,
// and without scripts the page still tells the time, in UTC, saying so.

// `dateStyle`/`timeStyle` may not be combined with `timeZoneName`: Chromium throws ("Invalid option") where Node
// formats, so the date and the time with its zone are two formats joined as the server's text is.
function local(iso: string, withTime: boolean): string {
  const at = new Date(iso);
  const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'long' }).format(at);
  if (!withTime) return day;
  return `${day} at ${new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }).format(at)}`;
}

export function LocalTime({ iso, withTime = true }: { iso: string; withTime?: boolean }) {
  const [text, setText] = useState(() => orderDate(iso, withTime));
  useEffect(() => {
    setText(local(iso, withTime));
  }, [iso, withTime]);
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}
