/**
 * Handlers of the handover (handover.*) and the carried-over items (todo.*).
 */
import type { handoverMethods } from '../../../shared/contract/handover';
import type { Handlers } from '../context';
import { listTodos } from './db';
import {
  addTodo,
  closeTodo,
  confirmHandover,
  getHandoverSettings,
  handoverHistory,
  handoverPrint,
  handoverView,
  returnHandover,
  saveHandover,
  setHandoverSettings,
  submitHandover,
} from './service';

export const handoverHandlers: Handlers<keyof typeof handoverMethods> = {
  'handover.get': (ctx, input) => handoverView(ctx, input.dutyDate),
  'handover.save': (ctx, { dutyDate, expectedVersion, ...content }) => saveHandover(ctx, dutyDate, expectedVersion, content),
  'handover.submit': (ctx, { dutyDate, expectedVersion, ...content }) => submitHandover(ctx, dutyDate, expectedVersion, content),
  'handover.confirm': (ctx, input) => confirmHandover(ctx, input.dutyDate, input.expectedVersion, input.note),
  'handover.return': (ctx, input) => returnHandover(ctx, input.dutyDate, input.expectedVersion, input.note),
  'handover.print': (ctx, input) => handoverPrint(ctx, input.dutyDate),
  'handover.history': (ctx, input) => handoverHistory(ctx, input.dutyDate),
  'handover.settings': (ctx) => getHandoverSettings(ctx.db),
  'handover.setSettings': (ctx, input) => setHandoverSettings(ctx, input),
  'todo.list': (ctx, input) => listTodos(ctx.db, input.includeClosed ?? false),
  'todo.add': (ctx, input) => addTodo(ctx, input),
  'todo.close': (ctx, input) => closeTodo(ctx, input.id, input.note),
};
