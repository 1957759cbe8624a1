import { z } from 'zod';

/** Field shapes the response schemas share, so a format is described (and checked) the same everywhere. */
export const id = z.uuid();

/**
 * The code of the agency named by the `agencyId` beside it. AgencyCodesInterceptor adds it to every
 * answer (null for an unknown agency); optional in the schema only because handlers return views
 * without it.
 */
export const agencyCode = z
  .string()
  .nullable()
  .optional()
  .meta({ description: 'Mã định danh của cơ quan có agencyId bên cạnh (luôn có trong câu trả lời)' });

/** A moment as an ISO 8601 string (what views that already serialised their dates hold). */
export const timestamp = z.iso.datetime({ offset: true });

/** A moment held as a Date by the view; the same ISO 8601 string on the wire. */
export const instant = z.date();

/** A calendar day, YYYY-MM-DD (Vietnam time where the domain says so). */
export const calendarDate = z.iso.date();

export const count = z.number().int().min(0);

/** The shape of every list answer: a page of items and the cursor of the next page (null at the end). */
export function pageOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      items: z.array(item),
      nextCursor: z
        .string()
        .nullable()
        .meta({ description: 'Gửi lại làm `cursor` để lấy trang sau; null khi đã hết' }),
      total: count.optional().meta({ description: 'Số phần tử của cả danh sách (có khi đếm không tốn kém)' }),
    })
    .meta({ id: name });
}

/** The query of every list: `limit` (1…max) and the `cursor` a previous page answered. */
export function pageQuery(max: number, defaultLimit: number) {
  return {
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(max)
      .optional()
      .meta({ description: `Số phần tử một trang (mặc định ${defaultLimit}, tối đa ${max})` }),
    cursor: z.string().max(200).optional().meta({ description: '`nextCursor` của trang trước' }),
  };
}

/** The page query of lists a use case returns whole (short reference lists). */
export const listQuery = z.object(pageQuery(500, 100));
