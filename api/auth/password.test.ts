import { describe, expect, test } from 'vitest';
import { hashPassword, PasswordChecksBusy, TaskLimit, verifyPassword } from './password';

describe('checking passwords', () => {
  test('the right password matches and a wrong one does not', async () => {
    const stored = hashPassword('correct horse battery staple');
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', stored)).toBe(false);
  });

  test('at most so many run at once; a few more wait their turn, and beyond that one is refused at once', async () => {
    const limit = new TaskLimit(2, 1);
    const finish: Array<() => void> = [];
    let running = 0;
    let mostAtOnce = 0;
    const task = () =>
      limit.run(async () => {
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise<void>((resolve) => finish.push(resolve));
        running--;
        return 'done';
      });
    const accepted = [task(), task(), task()];
    await expect(task()).rejects.toBeInstanceOf(PasswordChecksBusy);
    while (finish.length > 0 || running > 0) {
      finish.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await Promise.all(accepted)).toEqual(['done', 'done', 'done']);
    expect(mostAtOnce).toBe(2);
    // Once the queue has drained, there is room again.
    const again = task();
    await new Promise((resolve) => setImmediate(resolve));
    finish.shift()?.();
    expect(await again).toBe('done');
  });

  test('tasks marked first go ahead of the queue, and have room when it is full', async () => {
    const limit = new TaskLimit(1, 1);
    const order: string[] = [];
    let release = () => {};
    const blocking = limit.run(() => new Promise<void>((resolve) => (release = resolve)));
    const queued = limit.run(async () => void order.push('queued'));
    await expect(limit.run(async () => void order.push('refused'))).rejects.toBeInstanceOf(
      PasswordChecksBusy,
    );
    const trusted = limit.run(async () => void order.push('trusted'), true);
    release();
    await Promise.all([blocking, queued, trusted]);
    expect(order).toEqual(['trusted', 'queued']);
  });

  test('a task that fails hands its place on all the same', async () => {
    const limit = new TaskLimit(1, 1);
    const failing = limit.run(() => Promise.reject(new Error('broken hash')));
    const next = limit.run(async () => 'next');
    await expect(failing).rejects.toThrow('broken hash');
    expect(await next).toBe('next');
  });
});
