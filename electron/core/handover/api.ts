/**
 * Handlers of the handover (handover.*) and the carried-over items (todo.*).
 */
import type { handoverMethods } from '../../../shared/contract/handover';
import type { Handlers } from '../context';
import { listTodos } from './db';
import {
  acknowledgeHandover,
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
  'handover.get': (ctx, input) => handoverView(ctx, input.dutyDate, input.shiftId),
  'handover.save': (ctx, { dutyDate, shiftId, expectedVersion, ...content }) => saveHandover(ctx, { dutyDate, shiftId }, expectedVersion, content),
  'handover.submit': (ctx, { dutyDate, shiftId, expectedVersion, ...content }) => submitHandover(ctx, { dutyDate, shiftId }, expectedVersion, content),
  'handover.confirm': (ctx, input) => confirmHandover(ctx, input, input.expectedVersion, input.note),
  'handover.return': (ctx, input) => returnHandover(ctx, input, input.expectedVersion, input.note),
  'handover.acknowledge': (ctx, input) => acknowledgeHandover(ctx, input, input.note),
  'handover.print': (ctx, input) => handoverPrint(ctx, input),
  'handover.history': (ctx, input) => handoverHistory(ctx, input),
  'handover.settings': (ctx) => getHandoverSettings(ctx.db),
  'handover.setSettings': (ctx, input) => setHandoverSettings(ctx, input),
  'todo.list': (ctx, input) => listTodos(ctx.db, input.includeClosed ?? false),
  'todo.add': (ctx, input) => addTodo(ctx, input),
  'todo.close': (ctx, input) => closeTodo(ctx, input.id, input.note),
};
