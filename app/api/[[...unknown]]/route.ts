import { AppError } from '@/server/platform/errors';
import { route } from '@/server/platform/http/respond';

// Every /api path no route serves: the JSON 404, whatever the method (issue 19.7). Without it Next answers an HTML
// page, and a multipart POST a plain-text "Invalid Server Action request.". Specific routes always win over this one.
const notFound = route(async () => {
  throw new AppError('NOT_FOUND', 'There is no such API route.');
});

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
