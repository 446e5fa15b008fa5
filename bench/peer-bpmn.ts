import { randomUUID } from 'node:crypto';
import { Engine } from 'bpmn-engine';
import { createPool } from 'mysql2/promise';
import type { Floor } from './floor';

/**
 * The peer: the same two-step approval (submit, approve) in bpmn-engine. Its
 * state lives in memory, so, as its users must, each step loads the saved state
 * from MariaDB, recovers and resumes the engine, signals the user task and saves
 * the new state again. Measured as completed instances per second, in rounds that
 * alternate with Satisflow's (the shape of a floor: an operation and a close).
 */
const SOURCE = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="approvalDefinitions" targetNamespace="http://satisflow.local/bench">
  <bpmn:process id="approval" isExecutable="true">
    <bpmn:startEvent id="start" />
    <bpmn:sequenceFlow id="toSubmit" sourceRef="start" targetRef="submit" />
    <bpmn:userTask id="submit" />
    <bpmn:sequenceFlow id="toApprove" sourceRef="submit" targetRef="approve" />
    <bpmn:userTask id="approve" />
    <bpmn:sequenceFlow id="toEnd" sourceRef="approve" targetRef="end" />
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`;

export async function peerBpmnMysql(url: string, concurrency: number): Promise<Floor> {
  const pool = createPool({ uri: url, connectionLimit: concurrency });
  await pool.query('CREATE TABLE peer_bpmn_states (id VARCHAR(36) PRIMARY KEY, status VARCHAR(16) NOT NULL, state LONGTEXT NOT NULL)');

  const step = async (id: string, task: string) => {
    const [[row]] = (await pool.query('SELECT state FROM peer_bpmn_states WHERE id = ?', [id])) as unknown as [{ state: string }[]];
    const engine = new Engine().recover(JSON.parse(row.state));
    const execution = await engine.resume();
    execution.signal({ id: task });
    const status = execution.getPostponed().length ? 'waiting' : 'completed';
    await pool.query('UPDATE peer_bpmn_states SET status = ?, state = ? WHERE id = ?', [status, JSON.stringify(await engine.getState()), id]);
    if (status === 'waiting') await engine.stop(); // a completed engine has nothing to stop (stop() would never settle)
    return status;
  };

  const op = async () => {
    const id = randomUUID();
    const engine = new Engine({ name: id, source: SOURCE });
    await engine.execute();
    await pool.query('INSERT INTO peer_bpmn_states VALUES (?, ?, ?)', [id, 'waiting', JSON.stringify(await engine.getState())]);
    await engine.stop();
    await step(id, 'submit');
    if ((await step(id, 'approve')) !== 'completed') throw new Error('bpmn-engine did not complete the approval');
  };
  return { op, close: () => pool.end() };
}
