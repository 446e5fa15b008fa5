import { fdatasync, fstatSync, mkdtempSync, readlinkSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WalFlusher } from './wal-flusher';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/**
 * Waits until `done()` holds (at most 5 s): a real fdatasync on a busy machine (CI runs
 * suites side by side) can take tens of milliseconds, so no fixed pause is long enough.
 */
async function until(done: () => boolean): Promise<void> {
  for (const start = Date.now(); !done() && Date.now() - start < 5000; ) await pause(5);
}
/** The file a descriptor of this process is open on (Linux), or null when it is closed. */
const openedAs = (fd: number) => {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    return null;
  }
};

describe('WalFlusher', () => {
  let dir: string;
  let wal: string;
  /** Descriptors the flusher synced, in order (the real fdatasync runs too). */
  let synced: number[];
  let release: (() => void) | undefined;
  const sync = ((fd: number, done: (error: NodeJS.ErrnoException | null) => void) => {
    synced.push(fd);
    // a test holding `release` keeps this sync running until it lets go
    const finish = () => fdatasync(fd, done);
    if (holding) release = finish;
    else finish();
  }) as typeof fdatasync;
  let holding = false;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wal-flusher-'));
    wal = join(dir, 'db.sqlite-wal');
    synced = [];
    holding = false;
    release = undefined;
  });
  /** Closed after each test, passed or failed, so none syncs into the next test's list. */
  let flushers: WalFlusher[] = [];
  const track = (f: WalFlusher) => (flushers.push(f), f);
  afterEach(() => {
    for (const f of flushers) f.close();
    flushers = [];
    rmSync(dir, { recursive: true, force: true });
  });

  it('syncs the WAL file once for the commits of a few milliseconds', async () => {
    writeFileSync(wal, 'frames');
    const flusher = track(new WalFlusher(wal, { delayMs: 5, sync }));
    for (let i = 0; i < 10; i++) flusher.committed();
    expect(synced).toEqual([]); // not on the committing turn
    await until(() => synced.length > 0);
    await pause(20);
    expect(synced).toHaveLength(1);
    expect(fstatSync(synced[0]).ino).toBe(statSync(wal).ino);
    flusher.committed();
    await until(() => synced.length > 1);
    expect(synced).toHaveLength(2);
    flusher.close();
  });

  it('syncs again after a running sync when commits came meanwhile, once', async () => {
    writeFileSync(wal, 'frames');
    const flusher = track(new WalFlusher(wal, { delayMs: 1, sync }));
    holding = true;
    flusher.committed();
    await until(() => synced.length > 0);
    expect(synced).toHaveLength(1);
    flusher.committed();
    flusher.committed();
    await pause(20);
    expect(synced).toHaveLength(1); // still running: the next waits for it
    holding = false;
    release!();
    await until(() => synced.length > 1);
    expect(synced).toHaveLength(2);
    flusher.close();
  });

  it('does nothing before SQLite has created the WAL, and syncs once it exists', async () => {
    const flusher = track(new WalFlusher(wal, { delayMs: 1, sync }));
    flusher.committed();
    await pause(20);
    expect(synced).toEqual([]);
    writeFileSync(wal, 'frames');
    flusher.committed();
    await until(() => synced.length > 0);
    expect(synced).toHaveLength(1);
    flusher.close();
  });

  it('once closed, syncs no more and closes its descriptor (after a running sync ends)', async () => {
    writeFileSync(wal, 'frames');
    const flusher = track(new WalFlusher(wal, { delayMs: 1, sync }));
    holding = true;
    flusher.committed();
    await until(() => synced.length > 0);
    const [fd] = synced;
    flusher.committed(); // due after the running sync: close drops it
    flusher.close();
    expect(openedAs(fd)).toBe(wal); // still open while its sync runs
    holding = false;
    release!();
    await until(() => openedAs(fd) !== wal);
    expect(synced).toHaveLength(1);
    expect(openedAs(fd)).not.toBe(wal);
    flusher.committed();
    await pause(20);
    expect(synced).toHaveLength(1);
  });
});
