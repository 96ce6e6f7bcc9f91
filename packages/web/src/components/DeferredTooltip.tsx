// Tooltips join a page right after its first paint: each one (positioning, resize observer, event wiring)
// costs the first render noticeably on a screen with dozens of them, and none is needed before someone
// hovers or tabs to its element. The element itself renders (and looks) the same from the start.
import { useEffect, useSyncExternalStore, type ReactElement } from 'react';
import { Tooltip, type TooltipProps } from 'antd';

let painted = false;
const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const isPainted = () => painted;

/** Mounted once at the app's root: after the first render has been committed, the tooltips follow. */
export function useFirstPaintDone(): void {
  useEffect(() => {
    if (painted) return;
    const id = setTimeout(() => {
      painted = true;
      for (const listener of listeners) listener();
    }, 0);
    return () => clearTimeout(id);
  }, []);
}

export function DeferredTooltip(props: TooltipProps & { children: ReactElement }) {
  const ready = useSyncExternalStore(subscribe, isPainted, isPainted);
  return ready ? <Tooltip {...props} /> : props.children;
}
