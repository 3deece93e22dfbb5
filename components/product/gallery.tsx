'use client';

import Image from 'next/image';
import { useState } from 'react';

export function Gallery({ images, name }: { images: string[]; name: string }) {
  const [current, setCurrent] = useState(0);
  const main = images[current] ?? images[0];
  if (!main) return null;
  return (
    <div className="gallery">
      <div className="gallery__main">
        <Image
          src={main}
          alt={`${name}, image ${current + 1} of ${images.length}`}
          width={800}
          height={800}
          sizes="(min-width: 860px) 600px, 100vw"
          loading="eager"
          fetchPriority="high"
        />
      </div>
      {images.length > 1 ? (
        <ul className="gallery__thumbs" aria-label="Product images">
          {images.map((src, i) => (
            <li key={src}>
              <button type="button" aria-pressed={i === current} aria-label={`Show image ${i + 1}`} onClick={() => setCurrent(i)}>
                <Image src={src} alt="" width={72} height={72} sizes="72px" />
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
