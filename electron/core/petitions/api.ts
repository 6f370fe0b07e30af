/**
 * Handlers of the petition register (petitions.*, petitioners.*).
 */
import type { petitionsMethods } from '../../../shared/contract/petitions';
import { type Handlers } from '../context';
import { petitionStatsXlsx, petitionsXlsx } from './export';
import { petitionVersions } from './db';
import {
  assignmentDone,
  assignPetition,
  closePetitionCase,
  createPetition,
  listPetitions,
  mustPetitionRow,
  petitionAction,
  petitionDetail,
  petitionSettings,
  petitionStats,
  petitionStep,
  searchPetitionerViews,
  setPetitionCase,
  setPetitionPetitioners,
  setPetitionSettings,
  updatePetitionerRecord,
  updatePetitionFields,
  voidPetitionRecord,
} from './service';

export const petitionsHandlers: Handlers<keyof typeof petitionsMethods> = {
  'petitions.create': (ctx, input) => createPetition(ctx, input),
  'petitions.update': (ctx, input) => updatePetitionFields(ctx, input),
  'petitions.void': (ctx, input) => voidPetitionRecord(ctx, input.id, input.reason),
  'petitions.get': (ctx, input) => petitionDetail(ctx, input.id),
  'petitions.list': (ctx, input) => listPetitions(ctx, input),
  'petitions.history': (ctx, input) => (mustPetitionRow(ctx.db, input.id), petitionVersions(ctx.db, input.id)),
  'petitions.setPetitioners': (ctx, input) => setPetitionPetitioners(ctx, input),
  'petitions.step': (ctx, input) => petitionStep(ctx, input),
  'petitions.assign': (ctx, input) => assignPetition(ctx, input),
  'petitions.assignmentDone': (ctx, input) => assignmentDone(ctx, input),
  'petitions.action': (ctx, input) => petitionAction(ctx, input),
  'petitions.setCase': (ctx, input) => setPetitionCase(ctx, input),
  'petitions.closeCase': (ctx, input) => closePetitionCase(ctx, input),
  'petitions.stats': (ctx, input) => petitionStats(ctx, input),
  'petitions.statsXlsx': (ctx, input) => petitionStatsXlsx(ctx, input),
  'petitions.exportXlsx': (ctx, input) => petitionsXlsx(ctx, input),
  'petitioners.search': (ctx, input) => searchPetitionerViews(ctx, input.query),
  'petitioners.update': (ctx, input) => updatePetitionerRecord(ctx, input),
  'petitions.settings': (ctx) => petitionSettings(ctx.db),
  'petitions.setSettings': (ctx, input) => setPetitionSettings(ctx, input),
};
