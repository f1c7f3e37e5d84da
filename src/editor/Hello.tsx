import { useState } from 'react';

/** Placeholder island: proves the React wiring until the modeller lands. */
export default function Hello() {
  const [n, setN] = useState(0);
  return (
    <div data-testid="island">
      <p>建模器正在建设中。</p>
      <button type="button" onClick={() => setN(n + 1)}>
        点击次数：{n}
      </button>
    </div>
  );
}
