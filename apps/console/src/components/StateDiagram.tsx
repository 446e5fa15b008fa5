import { Empty, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { getText, query } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';

/**
 * The generated SVG of a procedure, the current state highlighted. The SVG comes from
 * our own server (built from the procedure definition, no user markup), so it is inlined.
 */
export function StateDiagram({ procedure, highlight, maxHeight }: { procedure: string; highlight?: string; maxHeight?: number }) {
  const { lang } = useI18n();
  const [svg, setSvg] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    setSvg(null);
    setFailed(false);
    getText(`/procedures/${encodeURIComponent(procedure)}/diagram${query({ highlight, lang })}`)
      .then((text) => live && setSvg(text))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [procedure, highlight, lang]);
  if (failed) return <Empty />;
  if (svg === null) return <Spin />;
  return <div className="sf-diagram" style={{ maxHeight, overflow: 'auto', textAlign: 'center' }} dangerouslySetInnerHTML={{ __html: svg }} />;
}
