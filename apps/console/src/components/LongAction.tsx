import { Modal, Progress, Typography } from 'antd';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';

type Run = <T>(label: string, work: () => Promise<T>) => Promise<T>;
const LongActionContext = createContext<Run>((_, work) => work());

/**
 * Long requests (dispatching hundreds of invitations, imports, report generation)
 * are single HTTP calls without server-side progress, so the bar shows time
 * passing on an easing curve and jumps to 100 % when the answer arrives.
 */
export function LongActionProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [label, setLabel] = useState<string | null>(null);
  const [percent, setPercent] = useState(0);
  const started = useRef(0);

  useEffect(() => {
    if (label === null) return;
    const timer = setInterval(() => setPercent(Math.min(95, Math.round(100 * (1 - Math.exp(-(Date.now() - started.current) / 2500))))), 150);
    return () => clearInterval(timer);
  }, [label]);

  const run = useCallback<Run>(async (next, work) => {
    started.current = Date.now();
    setPercent(0);
    // show only actions that take long enough to be noticed
    const shown = setTimeout(() => setLabel(next), 300);
    try {
      return await work();
    } finally {
      clearTimeout(shown);
      setPercent(100);
      setTimeout(() => setLabel(null), 250);
    }
  }, []);

  return (
    <LongActionContext.Provider value={run}>
      {children}
      <Modal open={label !== null} footer={null} closable={false} mask={{ closable: false }} width={420} title={label}>
        <Progress percent={percent} status="active" />
        <Typography.Text type="secondary">{t('progress.working')}</Typography.Text>
      </Modal>
    </LongActionContext.Provider>
  );
}

export function useLongAction(): Run {
  return useContext(LongActionContext);
}
