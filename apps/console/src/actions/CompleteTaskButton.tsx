import type { Task } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { NoteButton } from './NoteButton';

/**
 * Follow-up calls and escalations are not steps of the machine: they have no
 * outcomes, they are done with a note of what was done (POST /tasks/:id/complete).
 */
export function CompleteTaskButton({ task, onDone }: { task: Task; onDone: () => void }) {
  const { local } = useI18n();
  return (
    <NoteButton
      path={`/tasks/${task.id}/complete`}
      title={local(task.title)}
      words={{ action: 'task.complete', label: 'task.note', required: 'task.noteRequired', done: 'task.completed' }}
      primary
      onDone={onDone}
    />
  );
}
