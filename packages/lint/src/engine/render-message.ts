/** Replaces `{{name}}` with `data[name]`; unknown names stay visible so a bad rule is noticed. */
export function renderMessage(template: string, data: Record<string, string | undefined>): string {
  return template.replace(/\{\{\s*([A-Za-z][\w.-]*)\s*\}\}/g, (whole, name: string) => {
    const value = data[name];
    return value === undefined ? whole : value;
  });
}
