import type { APIRoute } from 'astro';
import { dataReport } from '../../queries/data.ts';

/**
 * The data report: every input record published or excluded with its reason. Not indented: at
 * 16,000 episodes it lists about 7,000 excluded records, and indentation was a quarter of its
 * 1.2 MB; browsers' JSON viewers and `jq` lay it out.
 */
export const GET: APIRoute = () => new Response(JSON.stringify(dataReport()));
