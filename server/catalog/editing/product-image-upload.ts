import { AppError } from '../../platform/errors';
import { presignProductImageUpload } from '../images/uploads';
import type { EditorActor } from './product-edit-model';
import { readProductRecord } from './product-edit-store';
import { assertProductEditor } from './product-editors';

/** POST /api/admin/products/[id]/images: a presigned POST for one image of an existing product (marketers only). */
export async function startProductImageUpload(actor: EditorActor, id: string): ReturnType<typeof presignProductImageUpload> {
  assertProductEditor(actor);
  if (!(await readProductRecord(id))) throw new AppError('NOT_FOUND', `There is no product "${id}".`);
  return presignProductImageUpload(id);
}
