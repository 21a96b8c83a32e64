import { Tag } from 'antd';
import { useLayoutEffect, useRef, useState } from 'react';

/** Room kept for the "+N" chip. */
const PLUS_WIDTH = 40;

/**
 * A row's tags, as many as fit the column, then "+N" for the rest (all of them show on hover, see
 * the cell's title). Every chip stays in the layout so it can be measured; the ones that do not
 * fit are hidden and "+N" sits right after the last one that does.
 */
export function TagChips({ names }: { names: readonly string[] }) {
  const ref = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState<{ count: number; plusAt: number }>({ count: names.length, plusAt: 0 });
  const key = names.join('\u0001');

  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => {
      const chips = [...box.querySelectorAll<HTMLElement>('[data-chip]')];
      const width = box.clientWidth;
      let count = 0;
      let plusAt = 0;
      for (const [i, chip] of chips.entries()) {
        const right = chip.offsetLeft + chip.offsetWidth;
        // The last chip needs no room for "+N" after it.
        if (right > (i === chips.length - 1 ? width : width - PLUS_WIDTH)) break;
        count = i + 1;
        plusAt = right + 4;
      }
      setFit((old) => (old.count === count && old.plusAt === plusAt ? old : { count, plusAt }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [key]);

  const hidden = names.length - fit.count;
  return (
    <div ref={ref} style={{ position: 'relative', overflow: 'hidden', whiteSpace: 'nowrap' }}>
      {names.map((name, i) => (
        <Tag
          key={name}
          data-chip
          color="green"
          aria-hidden={i >= fit.count}
          style={{ marginInlineEnd: 4, visibility: i >= fit.count ? 'hidden' : undefined }}
        >
          {name}
        </Tag>
      ))}
      {hidden > 0 ? (
        <Tag style={{ position: 'absolute', top: 0, left: fit.plusAt, marginInlineEnd: 0 }}>+{hidden}</Tag>
      ) : null}
    </div>
  );
}
