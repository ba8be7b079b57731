import type { Readable } from 'node:stream';
import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@llmops/auth';
import { AppError } from '@llmops/http';
import { UploadQuerySchema, type BuildOptions } from '../dtos/build-options.dto';
import { UploadService, type IncomingFile } from './upload.service';

// Structural request type: multipart support comes from @fastify/multipart on Nest's Fastify copy.
interface UploadRequest {
  raw: Readable & { headers: Record<string, string | string[] | undefined> };
  headers: Record<string, string | string[] | undefined>;
  isMultipart?: () => boolean;
  file?: () => Promise<{ file: Readable; filename: string; mimetype: string } | undefined>;
}

@ApiTags('datasets')
@Controller('v1/datasets/:datasetId/uploads')
export class UploadController {
  constructor(private readonly uploads: UploadService) {}

  /**
   * Uploads a file (multipart `file` field, or the raw body with `?fileName=`) and queues a job that
   * builds the next version from it. Answers 202 with the job; poll `/v1/datasets/:id/jobs/:jobId`.
   */
  @Post()
  @HttpCode(202)
  @Roles('data-engineer')
  async upload(
    @Param('datasetId', ParseUUIDPipe) datasetId: string,
    @Query() rawQuery: Record<string, unknown>,
    @Req() req: UploadRequest,
  ) {
    const parsed = UploadQuerySchema.safeParse(rawQuery);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        message: i.message,
      }));
      throw new AppError(
        'INVALID_UPLOAD_OPTIONS',
        422,
        errors.map((e) => `${e.path}: ${e.message}`).join('; '),
        {
          errors,
        },
      );
    }
    const q = parsed.data;
    const options: BuildOptions = {
      recipe: q.recipe ? { recipe: q.recipe, version: q.recipeVersion } : null,
      splitRatios:
        q.train !== undefined || q.validation !== undefined || q.test !== undefined
          ? { train: q.train ?? 0, validation: q.validation ?? 0, test: q.test ?? 0 }
          : undefined,
      read: { format: q.format, textUnit: q.textUnit },
      parents: [],
    };
    if (
      options.splitRatios &&
      Math.abs(options.splitRatios.train + options.splitRatios.validation + options.splitRatios.test - 1) >
        1e-9
    ) {
      throw new AppError('INVALID_UPLOAD_OPTIONS', 422, 'train + validation + test must sum to 1', {
        errors: [{ path: 'train', message: 'train + validation + test must sum to 1' }],
      });
    }
    return this.uploads.upload(datasetId, await incomingFile(req, q.fileName), options);
  }
}

async function incomingFile(req: UploadRequest, fileName: string | undefined): Promise<IncomingFile> {
  if (req.isMultipart?.() && req.file) {
    const part = await req.file();
    if (!part) throw new AppError('MISSING_FILE', 400, 'the multipart body has no file part');
    return { fileName: safeName(part.filename), contentType: part.mimetype, body: part.file };
  }
  const header = req.headers['content-type'];
  const contentType = (Array.isArray(header) ? header[0] : header)?.split(';')[0]?.trim();
  if (!fileName) {
    req.raw.resume();
    throw new AppError('MISSING_FILE_NAME', 400, 'raw uploads need ?fileName= (e.g. data.jsonl.gz)', {
      errors: [{ path: 'fileName', message: 'required for raw uploads' }],
    });
  }
  return { fileName, contentType, body: req.raw };
}

function safeName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'upload';
  const cleaned = base.replace(/[^\w.-]/g, '_').slice(0, 200);
  return cleaned.length > 0 ? cleaned : 'upload';
}
