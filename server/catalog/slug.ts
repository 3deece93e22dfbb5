import { z } from 'zod';

/** The shape every product and category slug has; anything else cannot exist, so it is a 404 without a read. */
export const productSlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,159}$/);
export const categorySlugSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);
