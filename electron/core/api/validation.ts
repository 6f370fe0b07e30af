/**
 * zod issues → field issues with translation keys.
 */
import type { z } from 'zod';
import type { FieldIssue } from '../../../shared/errors';

/** Custom messages we set in schemas (`{ message: 'phone' }`) are translation keys under `validation.*`. */
const customKeys = new Set(['phone', 'date', 'loginName', 'passwordWeak', 'controlChars', 'dateRange', 'idNumber', 'secrecy', 'month', 'rangeTooLong', 'followUpNote', 'hubUrl', 'enrolCode', 'illFormed', 'invisibleChars', 'lineBreak']);

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    const params: Record<string, string | number> = {};
    let key: string = issue.code;
    if (customKeys.has(issue.message)) key = issue.message;
    else if (issue.code === 'too_small' || issue.code === 'too_big') {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      params.limit = typeof bound === 'bigint' ? Number(bound) : (bound as number);
      key = `${issue.code}_${issue.origin === 'string' ? 'string' : issue.origin === 'array' ? 'array' : 'number'}`;
    } else if (issue.code === 'invalid_type') {
      params.expected = issue.expected;
      if (issue.input === undefined) key = 'required';
    } else if (issue.code === 'unrecognized_keys') {
      params.keys = issue.keys.join(', ');
    }
    return { path, messageKey: `validation.${key}`, params };
  });
}
