import type { APIRoute } from 'astro';
import { dataReport } from '../../queries/data.ts';

/** The data report: every input record published or excluded with its reason. */
export const GET: APIRoute = () => new Response(JSON.stringify(dataReport(), null, 2));
