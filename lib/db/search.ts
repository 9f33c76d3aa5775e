/**
 * Text typed into a search box, for Prisma's `contains`: Prisma passes it to LIKE as is,
 * so % and _ would act as wildcards (prisma/orm#19506).
 */
export function likeText(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}
